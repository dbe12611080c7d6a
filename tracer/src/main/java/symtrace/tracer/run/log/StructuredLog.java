package symtrace.tracer.run.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import symtrace.symbolic.SymtraceException;

/**
 * Writes structured-trace records, one envelope per line: the event's key and metadata first,
 * then the compile id ({@code frame_id}, {@code frame_compile_id}, {@code attempt}; one trace
 * is compile 0/0) and, for an event with a payload, {@code has_payload}, the payload's MD5.
 * Strings that frames share (file names) are interned: the first use writes a {@code str}
 * record {@code {"str": ["pairs.py", 0]}} and frames name the file by its number.
 *
 * <p>Two forms: {@link Format#JSONL}, where every line is one JSON envelope and a payload is
 * the envelope's {@code payload} field; and {@link Format#TLPARSE}, the form {@code TORCH_TRACE}
 * writes and tlparse reads, where each envelope follows a glog prefix ({@code V1202
 * 13:35:02.986795 1 StructuredLog.java:0] }) and the payload follows on lines that start with a
 * tab.
 */
public final class StructuredLog implements Closeable {
  /** How records are written. */
  public enum Format {
    JSONL,
    TLPARSE;

    /** The format an option names: {@code jsonl} or {@code tlparse}. */
    public static Format parse(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter GLOG_TIME =
      DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS");

  private final Path file;
  private final BufferedWriter out;
  private final Format format;
  private final Map<String, Integer> interned = new HashMap<>();
  private final long thread = ProcessHandle.current().pid();

  private StructuredLog(Path file, BufferedWriter out, Format format) {
    this.file = file;
    this.out = out;
    this.format = format;
  }

  /** Creates (or truncates) the log file. */
  public static StructuredLog open(Path file, Format format) {
    try {
      return new StructuredLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8),
          format);
    } catch (IOException e) {
      throw new SymtraceException("cannot write the log " + file + ": " + e.getMessage());
    }
  }

  /** A fresh metadata object. */
  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The number that stands for {@code s} in frames; its first use writes a {@code str} record. */
  int intern(String s) {
    Integer known = interned.get(s);
    if (known != null) {
      return known;
    }
    int id = interned.size();
    interned.put(s, id);
    ObjectNode record = object();
    record.putArray("str").add(s).add(id);
    write(record, null);
    return id;
  }

  /** Writes an event without a payload. */
  void event(String key, ObjectNode metadata) {
    write(envelope(key, metadata), null);
  }

  /** Writes an event with a text payload (a graph's code). */
  void event(String key, ObjectNode metadata, String payload) {
    List<String> lines = payload.lines().toList();
    String joined = String.join("\n", lines);
    ObjectNode envelope = envelope(key, metadata);
    envelope.put("has_payload", md5(joined));
    if (format == Format.JSONL) {
      envelope.put("payload", joined);
    }
    write(envelope, lines);
  }

  private static ObjectNode envelope(String key, ObjectNode metadata) {
    ObjectNode envelope = object();
    envelope.set(key, metadata);
    envelope.put("frame_id", 0);
    envelope.put("frame_compile_id", 0);
    envelope.put("attempt", 0);
    return envelope;
  }

  private void write(ObjectNode record, List<String> payload) {
    try {
      if (format == Format.TLPARSE) {
        out.write("V" + LocalDateTime.now().format(GLOG_TIME) + " " + thread
            + " StructuredLog.java:0] ");
      }
      out.write(MAPPER.writeValueAsString(record));
      out.write('\n');
      if (format == Format.TLPARSE && payload != null) {
        for (String line : payload) {
          out.write('\t');
          out.write(line);
          out.write('\n');
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a log record did not serialize", e);
    } catch (IOException e) {
      throw new SymtraceException("cannot write the log " + file + ": " + e.getMessage());
    }
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  /** Flushes and closes the file. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new SymtraceException("cannot write the log " + file + ": " + e.getMessage());
    }
  }
}
