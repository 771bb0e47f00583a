package io.trailkeeper.jobs.ingest;

/** An upload refused before anything was stored; the message tells the uploader what to change. */
@jakarta.ejb.ApplicationException(rollback = true)
public class UploadRejected extends RuntimeException {

    private final boolean tooLarge;

    public UploadRejected(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
