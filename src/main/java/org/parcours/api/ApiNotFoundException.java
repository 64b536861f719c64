package org.parcours.api;

/** Something the caller named does not exist, or is not theirs to see: answered 404 like any other. */
class ApiNotFoundException extends RuntimeException {

    ApiNotFoundException(String what) {
        super(what + " not found");
    }
}
