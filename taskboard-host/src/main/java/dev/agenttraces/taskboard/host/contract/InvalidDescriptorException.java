package dev.agenttraces.taskboard.host.contract;

/** Why a descriptor was refused; the message is shown to admins and logged, so it must say what to fix. */
public class InvalidDescriptorException extends Exception {
    public InvalidDescriptorException(String message) {
        super(message);
    }

    public InvalidDescriptorException(String message, Throwable cause) {
        super(message, cause);
    }
}
