package org.parcours.contracts;

/** No such contract, or not one the signed-in user may see (the same answer for both). */
public class ContractNotFoundException extends RuntimeException {

    public ContractNotFoundException(long id) {
        super("Contract " + id + " not found or no access");
    }
}
