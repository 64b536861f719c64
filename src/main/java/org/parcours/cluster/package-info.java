/**
 * Several app nodes on one database (docs/decisions/0012): the node's name, scheduled jobs that run once per
 * cluster (ShedLock's lock rows in MariaDB) and the record of each run.
 */
package org.parcours.cluster;
