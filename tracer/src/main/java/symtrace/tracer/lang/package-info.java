/**
 * The program language: the traceable subset of PyTorch Python that symtrace reads, as an
 * immutable AST with source positions, a Python-faithful lexer and parser, located errors, and
 * the interpreter that runs programs over real or fake tensors.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link symtrace.tracer.lang.Parser}: the entry point, {@code parse(file, source)} to a
 *       {@link symtrace.tracer.lang.Program}, and {@code parseExpression}.
 *   <li>{@link symtrace.tracer.lang.Program}: the header, the top-level statements and the
 *       function definitions; {@link symtrace.tracer.lang.ProgramHeader}: the {@code # trace:},
 *       {@code # eval:} and {@code # expect:} lines as raw text with their spans.
 *   <li>The AST: {@link symtrace.tracer.lang.Stmt} ({@code Def}, {@code Assign}, {@code
 *       AugAssign}, {@code If}, {@code For}, {@code Return}, {@code Assert}, {@code Pass},
 *       {@code ExprStmt}, {@code Import}, {@code ImportFrom}) and {@link
 *       symtrace.tracer.lang.Expr} ({@code Name}, the literals, {@code TupleExpr}, {@code
 *       ListExpr}, {@code BinOp}, {@code UnaryOp}, {@code Compare}, {@code BoolOp}, {@code
 *       IfExp}, {@code Call}, {@code Attribute}, {@code Subscript}, {@code Slice}), sealed
 *       interfaces of records dispatched with {@link symtrace.tracer.lang.StmtVisitor} and
 *       {@link symtrace.tracer.lang.ExprVisitor}; {@link symtrace.tracer.lang.AstPrinter} prints
 *       them.
 *   <li>{@link symtrace.tracer.lang.Span}: file, 1-based line and column.
 *   <li>Errors: {@link symtrace.tracer.lang.ProgramError}, a {@link
 *       symtrace.symbolic.SymtraceException} with a span and a {@code render(source)} that adds
 *       the source line and a caret; {@link symtrace.tracer.lang.ParseError} (not Python) and
 *       {@link symtrace.tracer.lang.UnsupportedConstructError} (Python outside the subset,
 *       named: {@code while loops are not supported}).
 *   <li>Running: {@link symtrace.tracer.lang.Interpreter} ({@code call(function, arguments)}
 *       over an {@code Ops}, with {@link symtrace.tracer.lang.ExecutionHooks} told each
 *       statement's location) and {@link symtrace.tracer.lang.ExecutionError} (a Python
 *       exception at the failing expression). Package-private: {@code Evaluator} (expressions),
 *       {@code PyOperators} (Python's operators over the language's values), {@code Builtins}
 *       ({@code len}, {@code range}, {@code min}, ..., the {@code operator} module), {@code
 *       Scope} and {@code LocalNames} (Python's name resolution), the values {@code
 *       PyFunction}, {@code Builtin}, {@code PyModule}, {@code PyRange}, {@code GraphSelf}. The
 *       torch API itself is {@code symtrace.tracer.torch}.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Every accepted program is valid Python 3 and means what it means in Python; every valid
 *       construct outside the subset is rejected by name, never misread.
 *   <li>Parsing any string either returns a {@code Program} or throws a {@code ProgramError}
 *       whose span lies in the file (line of the file, column at most one past the line's end);
 *       no other exception, in time linear in the input, with nesting bounded so the stack
 *       cannot overflow.
 *   <li>The error reported is the first one in the file: a lexical error is raised only when the
 *       parser reaches it.
 *   <li>Node spans are those of Python's {@code ast} module, 1-based: a node starts at its first
 *       character, so an operation starts at its left operand.
 *   <li>The code symtrace and PyTorch print for a traced graph ({@code gm.code}) is a program of
 *       this language.
 *   <li>Running a program calls every operator through the given {@code Ops}, and every
 *       arithmetic or comparison on a possibly symbolic number through {@code
 *       Ops.scalarBinary}, so a trace records {@code operator.*} exactly when a value is
 *       symbolic; a program's mistake is a {@code ProgramError}, and the one other exception it
 *       can raise is the shape environment's data-dependent error.
 * </ul>
 *
 * <p>Lexer, token stream, expression and statement parsers are package-private: {@code Lexer}
 * (indentation and literals), {@code TokenStream}, {@code ExpressionParser} (one method per
 * precedence level), {@code StatementParser} and {@code Targets} (assignment targets).
 */
package symtrace.tracer.lang;
