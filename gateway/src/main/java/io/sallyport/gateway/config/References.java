package io.sallyport.gateway.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} / {@code ${NAME:-default}} in any string, and {@code file:path} for secrets,
 * so secrets stay out of the config file itself. Messages name variables and paths, never values.
 */
final class References {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TRAILING_NEWLINES = Pattern.compile("[\\r\\n]+$");
  static final String FILE_PREFIX = "file:";

  private References() {}

  /** The text with every reference replaced; null (after reporting) when one cannot be. */
  static String resolveEnv(String raw, Map<String, String> env, String path, Errors errors) {
    if (raw.indexOf('$') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    int i = 0;
    while (i < raw.length()) {
      if (raw.startsWith("$${", i)) { // escape for a literal "${"
        out.append("${");
        i += 3;
        continue;
      }
      if (!raw.startsWith("${", i)) {
        out.append(raw.charAt(i++));
        continue;
      }
      int end = raw.indexOf('}', i);
      String body = end < 0 ? null : raw.substring(i + 2, end);
      int sep = body == null ? -1 : body.indexOf(":-");
      String name = body == null ? null : sep < 0 ? body : body.substring(0, sep);
      if (name == null || !NAME.matcher(name).matches()) {
        String shown = end < 0 ? raw.substring(i) : raw.substring(i, end + 1);
        errors.add(path, "malformed reference " + Scalars.quote(shown)
            + "; expected ${NAME} or ${NAME:-default} (write $${ for a literal ${)");
        return null;
      }
      String value = env.get(name);
      if (value == null && sep >= 0) {
        value = body.substring(sep + 2);
      }
      if (value == null) {
        errors.add(path, "environment variable " + name + " is not set; set it, or give a default as in ${"
            + name + ":-value}");
        ok = false;
      } else {
        out.append(value);
      }
      i = end + 1;
    }
    return ok ? out.toString() : null;
  }

  /**
   * A secret: the value itself, or for {@code file:path} that file's contents without the trailing
   * newline. Null when the file cannot be used (reported) or the value is empty.
   */
  static String secret(String value, Path baseDir, String path, Errors errors) {
    if (!value.startsWith(FILE_PREFIX)) {
      return value.isEmpty() ? null : value;
    }
    String name = value.substring(FILE_PREFIX.length());
    if (name.isEmpty()) {
      errors.add(path, "secret file reference has no path; expected file:/abs/path or file:relative/path");
      return null;
    }
    Path file = baseDir.resolve(name).normalize();
    String quoted = Scalars.quote(file.toString());
    try {
      if (Files.isDirectory(file)) {
        errors.add(path, "secret file " + quoted + " is a directory; expected a file");
        return null;
      }
      // only line ends: an editor adds one, but spaces may be part of the secret
      String content = TRAILING_NEWLINES.matcher(Files.readString(file)).replaceFirst("");
      if (content.isEmpty()) {
        errors.add(path, "secret file " + quoted + " is empty");
        return null;
      }
      return content;
    } catch (NoSuchFileException e) {
      errors.add(path, "secret file " + quoted + " does not exist");
    } catch (AccessDeniedException e) {
      errors.add(path, "secret file " + quoted + " is not readable (permission denied)");
    } catch (MalformedInputException e) {
      errors.add(path, "secret file " + quoted + " is not UTF-8 text");
    } catch (IOException e) {
      // the exception text may echo content on some file systems; keep only its kind
      errors.add(path, "secret file " + quoted + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return null;
  }
}
