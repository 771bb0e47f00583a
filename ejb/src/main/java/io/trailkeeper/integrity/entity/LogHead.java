package io.trailkeeper.integrity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The size of the log; locked while leaves are appended so that indexes are dense and ordered. */
@Entity
@Table(name = "trail_log_head")
public class LogHead {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(nullable = false)
    private long size;

    protected LogHead() {
        // for JPA
    }

    public long size() {
        return size;
    }

    public long advance(int leaves) {
        long first = size;
        size += leaves;
        return first;
    }
}
