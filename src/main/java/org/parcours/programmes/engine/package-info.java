/**
 * The engine of declared programmes: when a form falls due, which rules apply to a client and
 * their measurement history, which workflow transitions are allowed. Plain Java (no Spring, no
 * persistence): features hand it the facts they read through their own services.
 */
@NullMarked
package org.parcours.programmes.engine;

import org.jspecify.annotations.NullMarked;
