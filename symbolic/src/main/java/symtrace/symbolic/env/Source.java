package symtrace.symbolic.env;

/**
 * Where a symbolic value comes from, named as PyTorch's dynamo sources print: {@code L['x']},
 * {@code L['x'].size()[0]}, {@code L['x'].stride()[1]}, {@code L['x'].storage_offset()}, or a
 * constant name such as {@code input0} (make_fx's inputs) or {@code __testing_only0}.
 *
 * <p>A symbol's name is derived from the name of its first source, so these strings decide the
 * symbols PyTorch users see ({@code s75} for {@code input0.size()[0]}).
 */
public sealed interface Source permits LocalSource, ConstantSource, TensorPropertySource {
  /** The source as Python code, e.g. {@code L['x'].size()[0]}. */
  String name();

  /** A size of a tensor source: {@code base.size()[index]}. */
  static TensorPropertySource size(Source base, int index) {
    return new TensorPropertySource(base, TensorPropertySource.Property.SIZE, index);
  }

  /** A stride of a tensor source: {@code base.stride()[index]}. */
  static TensorPropertySource stride(Source base, int index) {
    return new TensorPropertySource(base, TensorPropertySource.Property.STRIDE, index);
  }

  /** The storage offset of a tensor source. */
  static TensorPropertySource storageOffset(Source base) {
    return new TensorPropertySource(base, TensorPropertySource.Property.STORAGE_OFFSET, -1);
  }

  /** A local variable of the traced function: {@code L['name']}. */
  static LocalSource local(String name) {
    return new LocalSource(name);
  }

  /** A source printed as {@code name} itself. */
  static ConstantSource constant(String name) {
    return new ConstantSource(name);
  }
}
