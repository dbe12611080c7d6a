package symtrace.tracer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies the text of {@code symtrace --version}, e.g. {@code symtrace 0.1.0-SNAPSHOT}.
 *
 * <p>The version comes from {@code version.properties} next to this class, which Maven filters
 * with the project version at build time, so the pom stays the one place it is written.
 */
public final class VersionProvider implements IVersionProvider {
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"symtrace " + version()};
  }

  /**
   * Returns the project version the build was made from.
   *
   * @throws IllegalStateException if the resource is missing or was not filtered, which means
   *     the classes were not built by Maven
   */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String version = properties.getProperty("version", "");
    if (version.isEmpty() || version.contains("${")) {
      throw new IllegalStateException(RESOURCE + " was not filtered by Maven: '" + version + "'");
    }
    return version;
  }
}
