package io.trailkeeper.jobs.ingest;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where readers get the thread that reads ahead of a chunk: the server's default managed thread
 * factory, so the thread runs with the application's context and the server knows of it. A thread
 * of its own rather than a pool task, because it lives as long as the step, and a pool's threads
 * are what the chunks' own work runs on.
 */
@ApplicationScoped
public class ReadAheadThreads {

    @Resource
    ManagedThreadFactory threads;

    public ManagedThreadFactory factory() {
        return threads;
    }
}
