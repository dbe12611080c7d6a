/**
 * Modules in the manner of {@code torch.nn.Module}: named parameters (real tensors), named
 * submodules and a forward function, which make_fx traces with each parameter read as a {@code
 * get_attr} of its qualified name.
 */
package symtrace.tracer.nn;
