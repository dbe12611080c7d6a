package symtrace.tracer.ops;

/**
 * One argument of a schema.
 *
 * @param name as in aten ({@code self}, {@code other}, {@code dim})
 * @param type its type
 * @param hasDefault whether it may be omitted
 * @param defaultValue the Java value of the default (null for None)
 * @param defaultText the default as written in the schema, or null
 * @param kwargOnly declared after {@code *}
 */
public record Argument(
    String name, ArgType type, boolean hasDefault, Object defaultValue, String defaultText,
    boolean kwargOnly) {

  @Override
  public String toString() {
    return type + " " + name + (hasDefault ? "=" + defaultText : "");
  }
}
