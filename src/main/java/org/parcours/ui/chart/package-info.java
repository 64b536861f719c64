/** Charts drawn by a web component of frontend/, fed by typed series from the server. */
@NullMarked
package org.parcours.ui.chart;

import org.jspecify.annotations.NullMarked;
