package org.parcours.aid;

/** No such aid request, or not one the signed-in user may see (the same answer for both). */
public class AidRequestNotFoundException extends RuntimeException {

    public AidRequestNotFoundException(long id) {
        super("Aid request " + id + " not found or no access");
    }
}
