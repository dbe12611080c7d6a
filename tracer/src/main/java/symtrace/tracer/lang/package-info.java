/**
 * The program language: the traceable subset of PyTorch Python that symtrace reads, as an
 * immutable AST with source positions, a Python-faithful lexer and parser, and located errors.
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
 * </ul>
 *
 * <p>Lexer, token stream, expression and statement parsers are package-private: {@code Lexer}
 * (indentation and literals), {@code TokenStream}, {@code ExpressionParser} (one method per
 * precedence level), {@code StatementParser} and {@code Targets} (assignment targets).
 */
package symtrace.tracer.lang;
