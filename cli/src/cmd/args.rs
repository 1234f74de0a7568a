//! Command-line parsing, by hand: two commands and four options do not need a parser crate.

use std::path::PathBuf;
use wasmloom::Dispatch;

pub const HELP: &str = "\
wasmloom: a WebAssembly interpreter

USAGE:
    wasmloom run FILE [--invoke NAME] [--dispatch MODE] [--dump] [ARGS...]
    wasmloom wast [--dispatch MODE] FILE...
    wasmloom --help | --version

COMMANDS:
    run     Compile FILE (.wasm binary or .wat text), instantiate it and call one of its exported
            functions with ARGS, printing each result on its own line. No imports are provided
            yet (WASI preview 1 is planned).
    wast    Run .wast scripts (the spec testsuite's format, with the `spectest` module) and end
            with `N passed, M failed`, counting directives. Exits non-zero if any failed.

OPTIONS:
    --invoke NAME      The function to call (default: `_start` if exported, else `main`)
    --dispatch MODE    The dispatch mode: loop-match, direct-threaded, indirect-threaded or
                       loop-call (default: the fastest one compiled in)
    --dump             Print the module's translated IR and exit
    -h, --help         Print this help
    -V, --version      Print the version

ARGS are parsed by the function's parameter types: i32/i64 in decimal or 0x hex (optionally
negative), f32/f64 in decimal, inf, -inf or nan. Put `--` before ARGS that look like options.

EXAMPLE:
    wasmloom run examples/fib.wat --invoke fib 25
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    Run(RunOptions),
    Wast(WastOptions),
}

#[derive(Debug, PartialEq)]
pub struct RunOptions {
    pub file: PathBuf,
    pub invoke: Option<String>,
    pub dispatch: Option<Dispatch>,
    pub dump: bool,
    pub args: Vec<String>,
}

#[derive(Debug, PartialEq)]
pub struct WastOptions {
    pub dispatch: Option<Dispatch>,
    pub files: Vec<PathBuf>,
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    match command.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" => Ok(Command::Version),
        "run" => parse_run(rest),
        "wast" => parse_wast(rest),
        other => Err(format!("unknown command `{other}`")),
    }
}

fn parse_run(args: &[String]) -> Result<Command, String> {
    let mut invoke = None;
    let mut dispatch = None;
    let mut dump = false;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = split_value(arg);
        match flag {
            "--" => positional.extend(it.by_ref().cloned()),
            "-h" | "--help" => return Ok(Command::Help),
            "--invoke" => invoke = Some(value(flag, inline, &mut it)?),
            "--dispatch" => dispatch = Some(parse_dispatch(&value(flag, inline, &mut it)?)?),
            "--dump" => dump = true,
            _ if is_option(arg) => return Err(format!("unknown option `{arg}` for `run`")),
            _ => positional.push(arg.clone()),
        }
    }
    let mut positional = positional.into_iter();
    let file = positional.next().ok_or("`run` needs a FILE")?.into();
    Ok(Command::Run(RunOptions {
        file,
        invoke,
        dispatch,
        dump,
        args: positional.collect(),
    }))
}

fn parse_wast(args: &[String]) -> Result<Command, String> {
    let mut dispatch = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = split_value(arg);
        match flag {
            "--" => files.extend(it.by_ref().map(PathBuf::from)),
            "-h" | "--help" => return Ok(Command::Help),
            "--dispatch" => dispatch = Some(parse_dispatch(&value(flag, inline, &mut it)?)?),
            _ if is_option(arg) => return Err(format!("unknown option `{arg}` for `wast`")),
            _ => files.push(arg.into()),
        }
    }
    if files.is_empty() {
        return Err("`wast` needs at least one FILE".to_string());
    }
    Ok(Command::Wast(WastOptions { dispatch, files }))
}

/// Splits `--flag=value` into the flag and its inline value.
fn split_value(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('=') {
        Some((flag, value)) if flag.starts_with("--") => (flag, Some(value)),
        _ => (arg, None),
    }
}

/// The option's value: inline (`--flag=value`) or the next argument.
fn value<'a>(
    flag: &str,
    inline: Option<&str>,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<String, String> {
    match inline {
        Some(v) => Ok(v.to_string()),
        None => rest
            .next()
            .cloned()
            .ok_or_else(|| format!("`{flag}` needs a value")),
    }
}

fn parse_dispatch(name: &str) -> Result<Dispatch, String> {
    name.parse()
}

/// Whether `arg` is an option rather than a positional; negative numbers (`-5`, `-inf`,
/// `-0x10`, `-.5`) are positionals.
fn is_option(arg: &str) -> bool {
    let Some(rest) = arg.strip_prefix('-') else {
        return false;
    };
    let numeric = rest.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        || ["inf", "nan"]
            .iter()
            .any(|w| rest.to_ascii_lowercase().starts_with(w));
    !numeric
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn run_with_options_after_the_file() {
        let Ok(Command::Run(o)) = parse(&args("run fib.wat --invoke fib 25 -3 -inf")) else {
            panic!()
        };
        assert_eq!(o.file, PathBuf::from("fib.wat"));
        assert_eq!(o.invoke.as_deref(), Some("fib"));
        assert_eq!(o.args, ["25", "-3", "-inf"]);
        assert!(!o.dump);
    }

    #[test]
    fn inline_values_and_double_dash() {
        let Ok(Command::Run(o)) = parse(&args("run --invoke=f x.wasm --dump -- --odd")) else {
            panic!()
        };
        assert_eq!(o.invoke.as_deref(), Some("f"));
        assert!(o.dump);
        assert_eq!(o.args, ["--odd"]);
    }

    #[test]
    fn errors() {
        assert!(parse(&args("run")).is_err());
        assert!(parse(&args("run x.wasm --bogus")).is_err());
        assert!(parse(&args("run x.wasm --invoke")).is_err());
        assert!(parse(&args("run x.wasm --dispatch nope")).is_err());
        assert!(parse(&args("wast")).is_err());
        assert!(parse(&args("frobnicate")).is_err());
    }

    #[test]
    fn wast_files() {
        let Ok(Command::Wast(o)) = parse(&args("wast a.wast --dispatch loop-match b.wast")) else {
            panic!()
        };
        assert_eq!(o.files, [PathBuf::from("a.wast"), PathBuf::from("b.wast")]);
        assert_eq!(o.dispatch, Some(Dispatch::LoopMatch));
        assert_eq!(parse(&args("--help")), Ok(Command::Help));
        assert_eq!(parse(&[]), Ok(Command::Help));
    }
}
