package dev.jobs.backend.store;

import org.junit.jupiter.api.BeforeEach;

class InMemoryJobStoreTest extends JobStoreContract {
  private InMemoryJobStore store;

  @BeforeEach
  void newStore() {
    store = new InMemoryJobStore();
  }

  @Override
  protected JobStore store() {
    return store;
  }
}
