//! The directive interpreter: one store per script, modules and instances found by name.

use super::excuses::Excuses;
use super::panic::catch_panic;
use super::report::{Failure, Report};
use super::{spectest, values};
use std::collections::HashMap;
use wasmloom::{Engine, Error, Instance, Linker, Module, Store, Val};
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::token::Id;
use wast::{QuoteWat, Wast, WastDirective, WastExecute, WastInvoke};

/// Runs the script `text` (named `name`, the key into `excuses`) on a fresh store of `engine`.
///
/// `progress` is told the index of each directive before it runs, so that a caller can report
/// where a script hangs. A script that does not parse counts as one failed directive.
pub fn run_script(
    engine: &Engine,
    name: &str,
    text: &str,
    excuses: &Excuses,
    progress: &mut dyn FnMut(usize),
) -> Report {
    let mut report = Report::default();
    if let Err(reason) = parse_and_run(engine, name, text, excuses, progress, &mut report) {
        report.failed += 1;
        report.failures.push(Failure {
            index: 0,
            line: 1,
            column: 1,
            kind: "script",
            reason,
        });
    }
    report
}

/// Runs each directive into `report`; `Err` if the script does not parse or its store cannot
/// be set up.
fn parse_and_run(
    engine: &Engine,
    name: &str,
    text: &str,
    excuses: &Excuses,
    progress: &mut dyn FnMut(usize),
    report: &mut Report,
) -> Result<(), String> {
    let parse_error = |mut e: wast::Error| {
        e.set_path(std::path::Path::new(name));
        e.set_text(text);
        format!("cannot parse: {e}")
    };
    let mut lexer = Lexer::new(text);
    // The spec's names.wast and others use unicode that the lexer calls confusing.
    lexer.allow_confusing_unicode(true);
    let buf = ParseBuffer::new_with_lexer(lexer).map_err(parse_error)?;
    let directives = parser::parse::<Wast<'_>>(&buf)
        .map_err(parse_error)?
        .directives;
    let lines = LineIndex::new(text);
    let mut runner = Runner::new(engine).map_err(|e| format!("cannot define `spectest`: {e}"))?;
    for (index, directive) in directives.into_iter().enumerate() {
        progress(index);
        let (line, column) = lines.locate(directive.span().offset());
        let keyword = kind(&directive);
        let outcome = catch_panic(|| runner.directive(directive))
            .unwrap_or_else(|p| Err(format!("panic: {p}")));
        let note = runner.wording.take();
        let at = |reason: String| Failure {
            index,
            line,
            column,
            kind: keyword,
            reason,
        };
        match outcome {
            Ok(()) => {
                report.passed += 1;
                if excuses.reason(name, index).is_some() {
                    report.stale_excuses.push(index);
                }
                if let Some(note) = note {
                    report.wording.push(at(note));
                }
            }
            Err(_) if excuses.reason(name, index).is_some() => report.excused += 1,
            Err(reason) => {
                report.failed += 1;
                report.failures.push(at(reason));
            }
        }
    }
    Ok(())
}

/// A directive's outcome: `Err` says why it failed.
type Outcome = Result<(), String>;

/// What a call or an instantiation did: the outer `Err` is a runner-level failure (no such
/// export, an argument that cannot be made), the inner one wasmloom's error.
type Executed = Result<Result<Vec<Val>, Error>, String>;

/// The state one script builds up.
struct Runner {
    engine: Engine,
    store: Store<()>,
    linker: Linker<()>,
    /// The instance that unnamed `invoke`s and `get`s refer to: the last one instantiated.
    current: Option<Instance>,
    instances: HashMap<String, Instance>,
    /// Modules from `(module definition ...)`, by name; `None` is the last unnamed one.
    definitions: HashMap<Option<String>, Module>,
    /// Set when a trap passed with a message other than the expected one.
    wording: Option<String>,
}

impl Runner {
    fn new(engine: &Engine) -> Result<Runner, Error> {
        let mut store = Store::new(engine, ());
        let mut linker = Linker::new(engine);
        // Scripts may register a name twice (the later registration wins).
        linker.allow_shadowing(true);
        spectest::define(&mut linker, &mut store)?;
        Ok(Runner {
            engine: engine.clone(),
            store,
            linker,
            current: None,
            instances: HashMap::new(),
            definitions: HashMap::new(),
            wording: None,
        })
    }

    fn directive(&mut self, directive: WastDirective<'_>) -> Outcome {
        match directive {
            WastDirective::Module(mut module) => {
                let name = module.name();
                // A module that fails leaves no current instance, so that the directives after
                // it fail instead of testing the previous module.
                self.current = None;
                if let Some(id) = name {
                    self.instances.remove(id.name());
                }
                let compiled = self.compile(&mut module)?;
                let instance = self
                    .linker
                    .instantiate(&mut self.store, &compiled)
                    .map_err(|e| format!("instantiation failed: {e}"))?;
                self.set_current(name, instance);
                Ok(())
            }
            WastDirective::ModuleDefinition(mut module) => {
                let compiled = self.compile(&mut module)?;
                self.definitions
                    .insert(module.name().map(|id| id.name().to_string()), compiled);
                Ok(())
            }
            WastDirective::ModuleInstance {
                instance, module, ..
            } => {
                let key = module.map(|id| id.name().to_string());
                let compiled = self
                    .definitions
                    .get(&key)
                    .ok_or("no such module definition")?
                    .clone();
                let made = self
                    .linker
                    .instantiate(&mut self.store, &compiled)
                    .map_err(|e| format!("instantiation failed: {e}"))?;
                self.set_current(instance, made);
                Ok(())
            }
            WastDirective::Register { name, module, .. } => {
                let instance = self.instance(module)?;
                self.linker
                    .instance(&mut self.store, name, instance)
                    .map_err(|e| format!("cannot register `{name}`: {e}"))?;
                Ok(())
            }
            WastDirective::Invoke(call) => match self.invoke(&call)? {
                Ok(_) => Ok(()),
                Err(e) => Err(format!("unexpected error: {e}")),
            },
            WastDirective::AssertReturn { exec, results, .. } => match self.execute(exec)? {
                Ok(got) => values::check(&self.store, &results, &got),
                Err(e) => Err(format!("unexpected error: {e}")),
            },
            WastDirective::AssertTrap { exec, message, .. } => {
                let outcome = self.execute(exec)?;
                self.expect_trap(outcome, message)
            }
            WastDirective::AssertExhaustion { call, message, .. } => {
                let outcome = self.invoke(&call)?;
                self.expect_trap(outcome, message)
            }
            WastDirective::AssertInvalid {
                module, message, ..
            }
            | WastDirective::AssertMalformed {
                module, message, ..
            } => self.expect_rejected(module, message),
            WastDirective::AssertUnlinkable {
                mut module,
                message,
                ..
            } => {
                let bytes = module
                    .encode()
                    .map_err(|e| format!("cannot encode the module: {e}"))?;
                let compiled = Module::new(&self.engine, &bytes)
                    .map_err(|e| format!("compile failed: {e}"))?;
                match self.linker.instantiate(&mut self.store, &compiled) {
                    Ok(_) => Err(format!(
                        "expected link error `{message}`, but it instantiated"
                    )),
                    Err(e) if e.as_trap_code().is_some() => Err(format!(
                        "expected link error `{message}`, but it trapped: {e}"
                    )),
                    Err(e) => self.check_wording(&e, message),
                }
            }
            other => Err(format!("unsupported directive `{}`", kind(&other))),
        }
    }

    /// Encodes a module (text is parsed by the `wast` crate) and compiles it.
    fn compile(&self, module: &mut QuoteWat<'_>) -> Result<Module, String> {
        let bytes = module
            .encode()
            .map_err(|e| format!("cannot encode the module: {e}"))?;
        Module::new(&self.engine, &bytes).map_err(|e| format!("compile failed: {e}"))
    }

    fn set_current(&mut self, name: Option<Id<'_>>, instance: Instance) {
        self.current = Some(instance);
        if let Some(id) = name {
            self.instances.insert(id.name().to_string(), instance);
        }
    }

    fn instance(&self, name: Option<Id<'_>>) -> Result<Instance, String> {
        match name {
            Some(id) => self
                .instances
                .get(id.name())
                .copied()
                .ok_or_else(|| format!("no instance `{}`", id.name())),
            None => self
                .current
                .ok_or_else(|| "no module instantiated".to_string()),
        }
    }

    fn execute(&mut self, exec: WastExecute<'_>) -> Executed {
        match exec {
            WastExecute::Invoke(call) => self.invoke(&call),
            WastExecute::Get { module, global, .. } => {
                let instance = self.instance(module)?;
                let global = instance
                    .get_global(&self.store, global)
                    .ok_or_else(|| format!("no exported global `{global}`"))?;
                Ok(Ok(vec![global.get(&self.store)]))
            }
            WastExecute::Wat(mut wat) => {
                let bytes = wat
                    .encode()
                    .map_err(|e| format!("cannot encode the module: {e}"))?;
                let compiled = Module::new(&self.engine, &bytes)
                    .map_err(|e| format!("compile failed: {e}"))?;
                Ok(self
                    .linker
                    .instantiate(&mut self.store, &compiled)
                    .map(|_| Vec::new()))
            }
        }
    }

    fn invoke(&mut self, call: &WastInvoke<'_>) -> Executed {
        let instance = self.instance(call.module)?;
        let func = instance
            .get_func(&self.store, call.name)
            .ok_or_else(|| format!("no exported function `{}`", call.name))?;
        let args = call
            .args
            .iter()
            .map(|a| values::arg(&mut self.store, a))
            .collect::<Result<Vec<_>, _>>()?;
        let mut results = func
            .ty(&self.store)
            .results()
            .iter()
            .map(|ty| Val::default_for(*ty).ok_or_else(|| format!("cannot hold a {ty:?} result")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(func
            .call(&mut self.store, &args, &mut results)
            .map(|()| results))
    }

    /// Passes on a trap whose message matches the expected one (see [`Self::check_wording`]).
    fn expect_trap(&mut self, outcome: Result<Vec<Val>, Error>, message: &str) -> Outcome {
        match outcome {
            Ok(got) => Err(format!(
                "expected trap `{message}`, got {}",
                values::show_all(&self.store, &got)
            )),
            Err(e) if e.as_trap_code().is_none() => {
                Err(format!("expected trap `{message}`, got error: {e}"))
            }
            Err(e) => self.check_wording(&e, message),
        }
    }

    /// Passes when our message contains the expected one; notes a pass where only the expected
    /// one contains ours (the spec adds details, as in "uninitialized element 2"); fails when
    /// neither contains the other: then it is another trap or error altogether.
    fn check_wording(&mut self, error: &Error, message: &str) -> Outcome {
        let ours = error.to_string();
        if ours.contains(message) {
            Ok(())
        } else if message.contains(&ours) {
            self.wording = Some(format!("expected `{message}`, got `{ours}`"));
            Ok(())
        } else {
            Err(format!("expected `{message}`, got `{ours}`"))
        }
    }

    /// Passes when the text parser or `Module::new` rejects the module.
    fn expect_rejected(&mut self, mut module: QuoteWat<'_>, message: &str) -> Outcome {
        let Ok(bytes) = module.encode() else {
            return Ok(());
        };
        match Module::new(&self.engine, &bytes) {
            Ok(_) => Err(format!("expected `{message}`, but the module compiled")),
            Err(_) => Ok(()),
        }
    }
}

/// The directive's keyword, for reports.
fn kind(directive: &WastDirective<'_>) -> &'static str {
    match directive {
        WastDirective::Module(QuoteWat::QuoteModule(..)) => "module quote",
        WastDirective::Module(_) => "module",
        WastDirective::ModuleDefinition(_) => "module definition",
        WastDirective::ModuleInstance { .. } => "module instance",
        WastDirective::AssertMalformed { .. } => "assert_malformed",
        WastDirective::AssertInvalid { .. } => "assert_invalid",
        WastDirective::AssertInvalidCustom { .. } => "assert_invalid_custom",
        WastDirective::AssertMalformedCustom { .. } => "assert_malformed_custom",
        WastDirective::Register { .. } => "register",
        WastDirective::Invoke(_) => "invoke",
        WastDirective::AssertTrap { .. } => "assert_trap",
        WastDirective::AssertReturn { .. } => "assert_return",
        WastDirective::AssertExhaustion { .. } => "assert_exhaustion",
        WastDirective::AssertUnlinkable { .. } => "assert_unlinkable",
        WastDirective::AssertException { .. } => "assert_exception",
        WastDirective::AssertSuspension { .. } => "assert_suspension",
        WastDirective::Thread(_) => "thread",
        WastDirective::Wait { .. } => "wait",
    }
}

/// Byte offset to 1-based line and column, without rescanning the text for every directive.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        (line + 1, offset - self.starts[line] + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn locates_offsets() {
        let lines = LineIndex::new("ab\ncd\n\ne");
        assert_eq!(lines.locate(0), (1, 1));
        assert_eq!(lines.locate(1), (1, 2));
        assert_eq!(lines.locate(3), (2, 1));
        assert_eq!(lines.locate(7), (4, 1));
    }
}
