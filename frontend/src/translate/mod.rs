//! Wasm to IR, one function at a time. The translator keeps a virtual operand stack
//! ([`stack`]) and emits ops by category: [`control`], [`call`], [`variable`], [`numeric`],
//! [`memory`], [`table`] — the same category names as the handlers in the backends.

mod buffers;
mod call;
mod code;
mod control;
mod encode;
mod func;
mod lookup;
mod memory;
mod numeric;
mod stack;
mod table;
mod threading;
mod variable;
mod visitor;

pub use crate::parse::{compile, compile_reusing};
pub use buffers::Buffers;
pub use code::Code;
pub use func::CompiledFunc;

use crate::isa::encoding::{Encoding, OpcodeHeader};
use crate::module::{ImportKind, ModuleInfo};
use crate::parse::{invalid, unsupported};
use control::{Label, Pending};
use core::fmt;
use stack::{AccSlots, Entry, Producer, Ty};
use wasmparser::{
    FuncValidator, FuncValidatorAllocations, FunctionBody, Operator, OperatorsReader, ValType,
    ValidatorResources, WasmFeatures,
};

/// Why a module could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// What went wrong, with the byte offset where known.
    pub message: String,
    /// Which stage rejected it.
    pub kind: CompileErrorKind,
}

/// The stage that rejected a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// Not a well-formed binary, or invalid per the spec (wasmparser's verdict).
    Invalid,
    /// Valid, but uses something wasmloom does not execute (yet).
    Unsupported,
    /// Valid, but over one of wasmloom's size limits.
    Limit,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CompileError {}

/// The largest frame, in slots, a function may use.
pub const MAX_FRAME_SLOTS: u64 = 1 << 24;

/// Translates function bodies; reused across the functions of a module to keep allocations.
pub(crate) struct FuncTranslator<'e> {
    /// How ops are written while a function is translated: `u16` opcodes, whatever the
    /// backend, so that the finished code can be read back op by op (`encode`).
    encoding: OpcodeHeader,
    /// The backend's op header, which `encode` writes when the function is complete.
    target: &'e dyn Encoding,
    /// The code in the backend's encoding, and the branches to fix in it (`encode`).
    encoded: encode::Encoder,
    features: &'e WasmFeatures,
    code: Vec<u8>,
    stack: Vec<Entry>,
    acc_owner: [Option<usize>; 3],
    labels: Vec<Label>,
    locals: Vec<Ty>,
    globals: Vec<Ty>,
    num_params: u32,
    /// The module index of the function being translated (a `return_call` of it is a jump).
    func_index: u32,
    /// Scratch slots start at `locals.len()`; the next unused one.
    next_scratch: u32,
    /// Home of stack position 0: after the locals and the scratch slots.
    first_home: u32,
    max_height: usize,
    reachable: bool,
    pending: Option<Pending>,
    /// Per class: the op that computed the value in its accumulator, while every op after it
    /// left that accumulator alone.
    producers: [Option<Producer>; 3],
    /// The latest code position bound as a branch target at the time it was the end of code.
    last_target: usize,
    /// The global last set from an accumulator, and the code position just after that op.
    acc_global: Option<(u32, usize)>,
    /// The last read of an i32 global into the accumulator, which an add of an immediate may
    /// continue into a global step.
    global_get: Option<variable::GlobalGet>,
    /// `global.get $g; i32.add/sub k` (perhaps `local.tee`'d), which a `global.set $g` of its
    /// result turns into one op.
    global_step: Option<variable::GlobalStep>,
    /// The last `i32.add` that a memory access may fold into its address.
    address_add: Option<numeric::AddressAdd>,
    /// The last load into an accumulator, which a multiply-add of its value may take in.
    last_load: Option<memory::LoadIntoAcc>,
    /// The last add or sub of a slot and an immediate (a possible loop step).
    step: Option<numeric::Step>,
    /// A loop step just written back to its slot, which a compare+branch may take in.
    increment: Option<numeric::Increment>,
    /// The last add or sub of an immediate into a slot, which another may join.
    add_imm: Option<numeric::AddImm>,
    /// The last `Copy` emitted (start, end), which a second copy right after joins.
    last_copy: Option<(usize, usize)>,
    /// The slots the last op wrote from an accumulator, which still holds their value.
    acc_slots: Option<AccSlots>,
    /// The function's unconditional jumps and return ops, for jump threading at its end.
    jumps: Vec<threading::Jump>,
    returns: Vec<threading::ReturnAt>,
}

/// The operators of `body`, read with the module's features (they decide some encodings).
fn operators<'a>(
    body: &FunctionBody<'a>,
    features: &WasmFeatures,
) -> Result<OperatorsReader<'a>, CompileError> {
    let mut reader = body.get_binary_reader_for_operators().map_err(invalid)?;
    reader.set_features(*features);
    Ok(OperatorsReader::new(reader))
}

pub(crate) fn ty_of(v: ValType) -> Result<Ty, CompileError> {
    Ok(match v {
        ValType::I32 => Ty::I32,
        ValType::I64 => Ty::I64,
        ValType::F32 => Ty::F32,
        ValType::F64 => Ty::F64,
        ValType::Ref(_) => Ty::Ref,
        ValType::V128 => return Err(unsupported("SIMD (v128) is not supported yet")),
    })
}

impl<'e> FuncTranslator<'e> {
    /// A translator writing for `encoding`, in `buffers`.
    pub(crate) fn new(
        encoding: &'e dyn Encoding,
        features: &'e WasmFeatures,
        buffers: Buffers,
    ) -> Self {
        let Buffers {
            code,
            stack,
            labels,
            locals,
            mut globals,
            jumps,
            returns,
            encoder,
            // The caller keeps the validator's buffers: they go to each function's validator.
            validator: _,
        } = buffers;
        // Every buffer is emptied per function (`reset`) but the globals' types, which are
        // filled once per module: the last module's must go.
        globals.clear();
        Self {
            encoding: OpcodeHeader,
            target: encoding,
            encoded: encoder,
            features,
            code,
            stack,
            acc_owner: [None; 3],
            labels,
            locals,
            globals,
            num_params: 0,
            func_index: 0,
            next_scratch: 0,
            first_home: 0,
            max_height: 0,
            reachable: true,
            pending: None,
            producers: [None; 3],
            last_target: 0,
            acc_global: None,
            address_add: None,
            last_load: None,
            add_imm: None,
            global_get: None,
            global_step: None,
            step: None,
            increment: None,
            last_copy: None,
            acc_slots: None,
            jumps,
            returns,
        }
    }

    /// The buffers, for the next compile; `validator` goes with them.
    pub(crate) fn into_buffers(self, validator: FuncValidatorAllocations) -> Buffers {
        Buffers {
            code: self.code,
            stack: self.stack,
            labels: self.labels,
            locals: self.locals,
            globals: self.globals,
            jumps: self.jumps,
            returns: self.returns,
            encoder: self.encoded,
            validator,
        }
    }

    /// Validates and translates the body of function `index`.
    pub(crate) fn translate(
        &mut self,
        info: &ModuleInfo,
        index: usize,
        fv: &mut FuncValidator<ValidatorResources>,
        body: &FunctionBody<'_>,
    ) -> Result<CompiledFunc, CompileError> {
        // Scratch slots (parameters of `if` blocks, saved for `else`) sit between the locals and
        // the stack's homes. Few functions need any, so the body is translated as if none did;
        // one that does is translated again, already validated, with the count a scan finds.
        // Room for the IR at once (about 3 bytes per Wasm byte with 8-byte op headers), not by
        // doubling while it is written. A buffer too small is replaced, not grown: growing
        // would copy the last function's code, which is dead.
        let room = body.as_bytes().len() * 4;
        if self.code.capacity() < room {
            self.code = Vec::with_capacity(room);
        }
        let mut results = self.translate_body(info, index, Some(fv), body, 0)?;
        if self.next_scratch > self.first_home {
            let scratch = self.count_scratch(info, body)?;
            results = self.translate_body(info, index, None, body, scratch)?;
        }

        self.thread_jumps(results);

        let frame = u64::from(self.first_home) + self.max_height as u64;
        let frame = frame.max(results as u64);
        if frame > MAX_FRAME_SLOTS {
            return Err(CompileError {
                message: format!("function {index} needs {frame} slots (limit {MAX_FRAME_SLOTS})"),
                kind: CompileErrorKind::Limit,
            });
        }
        Ok(CompiledFunc {
            // On whole cache lines, in the backend's encoding; the buffers stay for the next
            // function.
            code: self.encode(),
            num_params: self.num_params,
            num_locals: self.locals.len() as u32,
            frame_size: frame as u32,
            num_results: results as u32,
        })
    }

    /// Translates (and validates, given `fv`) the body with `scratch` scratch slots; returns
    /// the function's result count.
    fn translate_body(
        &mut self,
        info: &ModuleInfo,
        index: usize,
        mut fv: Option<&mut FuncValidator<ValidatorResources>>,
        body: &FunctionBody<'_>,
        scratch: u32,
    ) -> Result<usize, CompileError> {
        let ty = &info.types[info.funcs[index] as usize];
        self.reset(info)?;
        for &p in ty.params() {
            self.locals.push(ty_of(p)?);
        }
        self.num_params = self.locals.len() as u32;
        self.func_index = index as u32;
        let mut locals = body.get_locals_reader().map_err(invalid)?;
        for _ in 0..locals.get_count() {
            let offset = locals.original_position();
            let (count, val) = locals.read().map_err(invalid)?;
            if let Some(fv) = fv.as_deref_mut() {
                fv.define_locals(offset, count, val).map_err(invalid)?;
            }
            let t = ty_of(val)?;
            self.locals.extend(core::iter::repeat_n(t, count as usize));
        }
        self.next_scratch = self.locals.len() as u32;
        self.first_home = self.next_scratch + scratch;
        let results = ty
            .results()
            .iter()
            .map(|&r| ty_of(r))
            .collect::<Result<Vec<_>, _>>()?;
        let count = results.len();
        self.labels.push(Label::func(results));

        let mut reader = operators(body, self.features)?;
        let mut visitor = visitor::ValidatingTranslator {
            translator: self,
            info,
            validator: fv,
            offset: 0,
        };
        while !reader.eof() {
            visitor.offset = reader.original_position();
            reader.visit_operator(&mut visitor).map_err(invalid)??;
        }
        reader.finish().map_err(invalid)?;
        Ok(count)
    }

    fn reset(&mut self, info: &ModuleInfo) -> Result<(), CompileError> {
        self.code.clear();
        self.encoded.clear();
        self.stack.clear();
        self.acc_owner = [None; 3];
        self.labels.clear();
        self.locals.clear();
        self.max_height = 0;
        self.reachable = true;
        self.pending = None;
        self.producers = [None; 3];
        self.last_target = 0;
        self.acc_global = None;
        self.address_add = None;
        self.last_load = None;
        self.add_imm = None;
        self.global_get = None;
        self.global_step = None;
        self.step = None;
        self.increment = None;
        self.last_copy = None;
        self.acc_slots = None;
        self.jumps.clear();
        self.returns.clear();
        if self.globals.is_empty() {
            for import in &info.imports {
                if let ImportKind::Global(g) = &import.kind {
                    self.globals.push(ty_of(g.content_type)?);
                }
            }
            for g in &info.globals {
                self.globals.push(ty_of(g.ty.content_type)?);
            }
        }
        Ok(())
    }

    /// Scratch slots the function needs: `if` blocks with parameters save them for `else`.
    fn count_scratch(
        &self,
        info: &ModuleInfo,
        body: &FunctionBody<'_>,
    ) -> Result<u32, CompileError> {
        let mut total = 0u32;
        let mut reader = operators(body, self.features)?;
        while !reader.eof() {
            if let Operator::If {
                blockty: wasmparser::BlockType::FuncType(t),
            } = reader.read().map_err(invalid)?
            {
                let params = info.types.get(t as usize).map_or(0, |t| t.params().len());
                total = total.saturating_add(params as u32);
            }
        }
        Ok(total)
    }

    /// Translates `op`. Inlined into each operator's visit method (release builds), where the
    /// operator is a constant: the sub-visitors' matches fold away and only its own arm is left.
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn visit(&mut self, info: &ModuleInfo, op: &Operator<'_>) -> Result<(), CompileError> {
        if !self.reachable {
            return self.visit_unreachable(info, op);
        }
        if self.visit_control(info, op)?
            || self.visit_call(info, op)?
            || self.visit_variable(op)?
            || self.visit_numeric(op)
            || self.visit_memory(op)?
            || self.visit_table(op)
        {
            return Ok(());
        }
        Err(unsupported(format!("operator {op:?} is not supported yet")))
    }

    /// [`Self::visit`] out of line, for the operators of proposals the translator refuses or
    /// rarely meets: one shared copy keeps the build fast.
    #[inline(never)]
    fn visit_outlined(&mut self, info: &ModuleInfo, op: &Operator<'_>) -> Result<(), CompileError> {
        self.visit(info, op)
    }
}
