/**
 * Several app nodes on one database (issue 13): the node's name, scheduled jobs that run once per
 * cluster (ShedLock's lock rows in MariaDB) and the record of each run.
 */
package org.parcours.cluster;
