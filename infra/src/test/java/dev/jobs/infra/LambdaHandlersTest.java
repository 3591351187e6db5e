package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A function's handler is a string the backend's compiler never sees: renaming a handler class
 * would keep the stack synthesizing and break the deployed function. So every handler of the
 * template is looked up in the backend's Lambda artifact itself, the jar the functions run, and
 * must be what Lambda's Java runtime can build and call.
 */
class LambdaHandlersTest {
  private static final List<String> HANDLER_INTERFACES =
      List.of(
          "com.amazonaws.services.lambda.runtime.RequestHandler",
          "com.amazonaws.services.lambda.runtime.RequestStreamHandler");

  @SuppressWarnings("unchecked")
  static List<String> handlers() {
    return Synthesized.defaultTemplate().findResources("AWS::Lambda::Function").values().stream()
        .map(function -> (Map<String, Object>) function.get("Properties"))
        .map(properties -> String.valueOf(properties.get("Handler")))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handlers")
  @DisplayName("each handler names a Lambda handler class and method in the backend's Lambda jar")
  void handlerIsInTheLambdaJar(String handler) throws Exception {
    assertThat(handler).as("Lambda's Java handler syntax, class::method").matches("[\\w.$]+::\\w+");
    String className = handler.substring(0, handler.indexOf("::"));
    String methodName = handler.substring(handler.indexOf("::") + 2);
    Path jar = BuildOutputs.backendJar();
    assertThat(hasEntry(jar, className.replace('.', '/') + ".class"))
        .as("%s has the class file of %s", jar, handler)
        .isTrue();

    // The platform loader as parent: only the jar, not this test's class path, may supply a class.
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> type = Class.forName(className, false, loader);
      List<Class<?>> implemented =
          HANDLER_INTERFACES.stream()
              .<Class<?>>map(name -> load(name, loader))
              .filter(handlerInterface -> handlerInterface.isAssignableFrom(type))
              .toList();
      assertThat(implemented)
          .as("%s implements RequestHandler or RequestStreamHandler", className)
          .hasSize(1);
      assertThat(Arrays.stream(implemented.get(0).getMethods()).map(Method::getName))
          .as("the method %s is the handler interface's", methodName)
          .contains(methodName);
      assertThat(
              Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()))
          .as("%s is a public concrete class", className)
          .isTrue();
      assertThat(type.getConstructors())
          .as("%s has the public no-argument constructor Lambda builds it with", className)
          .anyMatch(constructor -> constructor.getParameterCount() == 0);
    }
  }

  private static boolean hasEntry(Path jar, String name) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(name) != null;
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name + " is not in the backend's Lambda jar", e);
    }
  }
}
