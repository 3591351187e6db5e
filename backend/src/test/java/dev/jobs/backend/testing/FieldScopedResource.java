package dev.jobs.backend.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test resource registered as a JUnit extension whose scope follows its field: opened before and
 * closed after each test when the field is an instance one, or once for the whole class when it is
 * static (JUnit calls {@code beforeAll} only for a static field's extension).
 */
public abstract class FieldScopedResource
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private boolean perClass;

  /** Makes the resource, before the class's tests or before each test. */
  protected abstract void open() throws Exception;

  /** Releases what {@link #open} made, after the class's tests or after each test. */
  protected abstract void close() throws Exception;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    perClass = true;
    open();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      open();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }
}
