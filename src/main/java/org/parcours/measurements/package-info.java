/**
 * Importing past measurements (a CPAS moving from another system): a CSV or XLSX file, one line per
 * client and measurement date, one column per item id, checked line by line in a dry run, then
 * created as submitted evaluations through the evaluation service, all in one transaction.
 */
@NullMarked
package org.parcours.measurements;

import org.jspecify.annotations.NullMarked;
