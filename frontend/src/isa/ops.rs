//! The one list of IR ops. Everything else about an op is derived from here.
//!
//! # Naming: operand kinds
//!
//! An op reads each operand from one of three places, and its name says which, one letter per
//! operand in order, after the family name:
//!
//! - `A` — the accumulator of the operand's class (integer, f32 or f64): no bytes in the code;
//! - `S` — a frame slot: a [`Slot`](crate::isa::Slot) index inline in the code;
//! - `I` — an immediate: the value itself inline in the code.
//!
//! So `I32AddSI` adds slot `lhs` and the immediate `rhs`. Every op that produces a value leaves
//! it in the accumulator of the result's class. A trailing `D` (binary, unary and load families)
//! marks the variant that also writes the result to slot `dst`, its last field: `F64MulSSD`
//! is `local.set (f64.mul (local.get) (local.get))` in one op. A load's or store's address may
//! also be `SS` or `SI`: the wrapping i32 sum of a slot `base` and a slot or immediate `index`,
//! an `i32.add` folded into the access (`I32Load8USS` is `p[i]` with `p` and `i` in slots).
//! `increment_branch` ops end a counted loop in one op: `BrI32LtUIncI` adds `step` to the i32 in
//! slot `var` and jumps while it is below the immediate `rhs` (`Step` in place of `Inc`: the
//! step is a slot). `mul_add` ops are a multiply
//! whose product is added to slot `addend` (`F64MulAddAS` is `acc * rhs + addend`, rounded
//! after each step as the two Wasm ops are). `load_mul_add` ops take the multiplicand from a
//! load, then multiply-add: `I32Load16SMulAddSI` is `sum += p[k] * x` with the load's address
//! letters (`A`, `S`, `SS`, `SI`) and `rhs` and `addend` in slots (`Acc` after the address:
//! the addend is the accumulator, a running sum that never leaves the register). `load_branch` ops load an
//! i32 and branch on it (`I32LoadSDBrIf` is `p = p->next; if (p)`); `load_cmp_branch` ops
//! compare it with a slot or immediate first (`I32Load8USBrI32NeI` is `while (*p != '"')`).
//! Family sections below (`binary`, `unary`, `load`, `store`, `branch_cmp`, …) name one
//! operation once; [`for_each_op!`] expands each into its operand-kind variants, so the list
//! stays one line per Wasm operation.
//!
//! Each entry names its handler (a path inside the backends' `handlers` module) and, for
//! families, the numeric kernel (a function in `handlers::kernels`). Operand fields are encoded
//! in declaration order right after the op's header (an opcode or a handler address).
//!
//! Branch offsets ([`Offset`](crate::isa::Offset)) are relative to the position of the offset
//! field itself.

/// Calls `m! { [extra] plain { .. } binary { .. } unary { .. } load { .. } store { .. }
/// branch_cmp { .. } increment_branch { .. } mul_add { .. } load_branch { .. }
/// load_cmp_branch { .. } load_mul_add { .. } pairs { .. } }`: the op list in family form, as written. Invoke as
/// `with_op_families!([path::to::m] [extra tokens])`. Most users want [`for_each_op!`] instead.
#[macro_export]
macro_rules! with_op_families {
    ([$($m:tt)*] [$($extra:tt)*]) => {
        $($m)*! {
            [$($extra)*]
            plain {
                // ---- control ----
                /// Trap: `unreachable` was executed.
                Unreachable {} => control::unreachable;
                /// Trap: an access whose static offset alone reaches past any memory 0.
                OutOfBounds {} => memory::out_of_bounds;
                /// Jump by `offset`.
                Br { offset: Offset } => control::br;
                /// Jump if the i32 in the accumulator is not zero.
                BrIfA { offset: Offset } => control::br_if::<A>;
                /// Jump if the i32 in slot `cond` is not zero.
                BrIfS { cond: Slot, offset: Offset } => control::br_if::<S>;
                /// Jump if the i32 in the accumulator is zero.
                BrIfNotA { offset: Offset } => control::br_if_not::<A>;
                /// Jump if the i32 in slot `cond` is zero.
                BrIfNotS { cond: Slot, offset: Offset } => control::br_if_not::<S>;
                /// Jump to `targets[acc]`, or to the last target when out of range.
                BrTableA { targets: Targets } => control::br_table::<A>;
                /// Jump to `targets[slot index]`, or to the last target when out of range.
                BrTableS { index: Slot, targets: Targets } => control::br_table::<S>;
                /// Return from the function; results are already in slots `0..n`.
                Return {} => control::ret;
                /// Return the one result in slot `src` (moved to slot 0 first). `pad` is unused:
                /// it gives the op a `Br`'s size, so that jump threading can put one over a `Br`.
                ReturnS { src: Slot, pad: u32 } => control::ret_value::<S>;
                /// Return the one result `value`, a 64-bit pattern (written to slot 0 first).
                ReturnI { value: u64 } => control::ret_value::<I>;
                // ---- call ----
                /// Call function `func`, one the module defines, with arguments and results in
                /// slots from `base`.
                Call { func: u32, base: Slot } => call::call;
                /// `Call` of an imported function (Wasm or host, maybe of another instance).
                CallImport { func: u32, base: Slot } => call::call_import;
                /// Call through `table[slot index]`, checking the signature `ty`.
                CallIndirect { table: u32, ty: u32, index: Slot, base: Slot } => call::call_indirect;
                /// Tail call: function `func`, one the module defines, replaces the current
                /// frame; its arguments are already in slots `0..n`.
                ReturnCall { func: u32 } => call::return_call;
                /// `ReturnCall` of an imported function. A host callee returns here, to a
                /// `Return`.
                ReturnCallImport { func: u32 } => call::return_call_import;
                /// Tail call through `table[slot index]`, checking the signature `ty`.
                ReturnCallIndirect { table: u32, ty: u32, index: Slot } => call::return_call_indirect;
                // ---- variable ----
                /// Copy slot `src` to slot `dst`.
                Copy { dst: Slot, src: Slot } => variable::copy;
                /// Two copies in one op, in order: `dst1 = src1`, then `dst2 = src2`.
                Copy2 { dst1: Slot, src1: Slot, dst2: Slot, src2: Slot } => variable::copy2;
                /// Write the 64-bit pattern `value` to slot `dst`.
                SetSlot { dst: Slot, value: u64 } => variable::set_slot;
                /// Write the integer accumulator to slot `dst`.
                SpillI { dst: Slot } => variable::spill::<i64>;
                /// Write the f32 accumulator to slot `dst`.
                SpillF32 { dst: Slot } => variable::spill::<f32>;
                /// Write the f64 accumulator to slot `dst`.
                SpillF64 { dst: Slot } => variable::spill::<f64>;
                /// A copy, then a spill, in one op: `dst1 = src1`, then `dst2 =` the integer
                /// accumulator (`a = b; b = t` with `t` just computed).
                CopySpillI { dst1: Slot, src1: Slot, dst2: Slot } => variable::copy_spill::<i64>;
                /// `CopySpillI` with the f32 accumulator.
                CopySpillF32 { dst1: Slot, src1: Slot, dst2: Slot } => variable::copy_spill::<f32>;
                /// `CopySpillI` with the f64 accumulator.
                CopySpillF64 { dst1: Slot, src1: Slot, dst2: Slot } => variable::copy_spill::<f64>;
                /// Read integer global `global` into the accumulator.
                GlobalGetI { global: u32 } => variable::global_get::<i64>;
                /// Read f32 global `global` into the accumulator.
                GlobalGetF32 { global: u32 } => variable::global_get::<f32>;
                /// Read f64 global `global` into the accumulator.
                GlobalGetF64 { global: u32 } => variable::global_get::<f64>;
                /// Set global `global` from the integer accumulator.
                GlobalSetAI { global: u32 } => variable::global_set::<i64, A>;
                /// Set global `global` from the f32 accumulator.
                GlobalSetAF32 { global: u32 } => variable::global_set::<f32, A>;
                /// Set global `global` from the f64 accumulator.
                GlobalSetAF64 { global: u32 } => variable::global_set::<f64, A>;
                /// Set global `global` from slot `src`.
                GlobalSetS { global: u32, src: Slot } => variable::global_set::<u64, S>;
                /// Set global `global` to the 64-bit pattern `value`.
                GlobalSetI { global: u32, value: u64 } => variable::global_set::<u64, I>;
                /// `global += rhs` on an i32 global (`global.get; i32.add/sub; global.set`: a
                /// stack pointer's bump); the accumulator gets the new value.
                GlobalI32AddI { global: u32, rhs: i32 } => variable::global_i32_add::<A>;
                /// `GlobalI32AddI` that also writes the new value to slot `dst` (`local.tee`).
                GlobalI32AddID { global: u32, rhs: i32, dst: Slot } => variable::global_i32_add::<S>;
                /// Integer `select`: condition in the accumulator.
                SelectIA { a: Slot, b: Slot } => variable::select::<i64, A>;
                /// Integer `select`: condition in slot `cond`.
                SelectIS { cond: Slot, a: Slot, b: Slot } => variable::select::<i64, S>;
                /// f32 `select`: condition in the accumulator.
                SelectF32A { a: Slot, b: Slot } => variable::select::<f32, A>;
                /// f32 `select`: condition in slot `cond`.
                SelectF32S { cond: Slot, a: Slot, b: Slot } => variable::select::<f32, S>;
                /// f64 `select`: condition in the accumulator.
                SelectF64A { a: Slot, b: Slot } => variable::select::<f64, A>;
                /// f64 `select`: condition in slot `cond`.
                SelectF64S { cond: Slot, a: Slot, b: Slot } => variable::select::<f64, S>;
                // ---- memory ----
                /// Memory 0's size in pages.
                MemorySize {} => memory::size;
                /// Grow memory 0 by the accumulator's pages; old size or -1.
                MemoryGrowA {} => memory::grow::<A>;
                /// Grow memory 0 by slot `delta` pages; old size or -1.
                MemoryGrowS { delta: Slot } => memory::grow::<S>;
                /// `memory.fill` on memory 0.
                MemoryFill { dst: Slot, value: Slot, len: Slot } => memory::fill;
                /// `memory.copy` within memory 0.
                MemoryCopy { dst: Slot, src: Slot, len: Slot } => memory::copy;
                /// `memory.init` from data segment `data` into memory 0.
                MemoryInit { data: u32, dst: Slot, src: Slot, len: Slot } => memory::init;
                /// `data.drop`.
                DataDrop { data: u32 } => memory::data_drop;
                // ---- table ----
                /// `table.get`: the reference at slot `index` into the accumulator.
                TableGet { table: u32, index: Slot } => table::get;
                /// `table.set`.
                TableSet { table: u32, index: Slot, value: Slot } => table::set;
                /// `table.size` into the accumulator.
                TableSize { table: u32 } => table::size;
                /// `table.grow`: old size or -1 into the accumulator.
                TableGrow { table: u32, init: Slot, delta: Slot } => table::grow;
                /// `table.fill`.
                TableFill { table: u32, dst: Slot, value: Slot, len: Slot } => table::fill;
                /// `table.copy`.
                TableCopy { dst_table: u32, src_table: u32, dst: Slot, src: Slot, len: Slot } => table::copy;
                /// `table.init` from element segment `elem`.
                TableInit { table: u32, elem: u32, dst: Slot, src: Slot, len: Slot } => table::init;
                /// `elem.drop`.
                ElemDrop { elem: u32 } => table::elem_drop;
                /// `ref.func`: a reference to function `func` into the accumulator.
                RefFunc { func: u32 } => table::ref_func;
                // ---- numeric ----
                /// `f32.mul` of a value by itself, that value in the f32 accumulator: `x * x`
                /// without reading back the slot the accumulator was just written to.
                F32SquareA {} => numeric::square::<f32, A>;
                /// `F32SquareA`, the result also written to slot `dst`.
                F32SquareAD { dst: Slot } => numeric::square::<f32, S>;
                /// `f64.mul` of a value by itself, that value in the f64 accumulator.
                F64SquareA {} => numeric::square::<f64, A>;
                /// `F64SquareA`, the result also written to slot `dst`.
                F64SquareAD { dst: Slot } => numeric::square::<f64, S>;
                /// Two `I32AddSID`s in one op (`p += 4; q += 4`; an `I32SubSID` joins as the add
                /// of its negated immediate): `dst1 = lhs1 + rhs1`, then `dst2 = lhs2 + rhs2`,
                /// which the accumulator keeps.
                I32AddSID2 { lhs1: Slot, rhs1: i32, dst1: Slot, lhs2: Slot, rhs2: i32, dst2: Slot } => numeric::i32_add_imm_twice;
            }
            binary {
                I32Add(i32 -> i32) = i32_add;
                I32Sub(i32 -> i32) = i32_sub;
                I32Mul(i32 -> i32) = i32_mul;
                I32DivS(i32 -> i32) = i32_div_s;
                I32DivU(i32 -> i32) = i32_div_u;
                I32RemS(i32 -> i32) = i32_rem_s;
                I32RemU(i32 -> i32) = i32_rem_u;
                I32And(i32 -> i32) = i32_and;
                I32Or(i32 -> i32) = i32_or;
                I32Xor(i32 -> i32) = i32_xor;
                I32Shl(i32 -> i32) = i32_shl;
                I32ShrS(i32 -> i32) = i32_shr_s;
                I32ShrU(i32 -> i32) = i32_shr_u;
                I32Rotl(i32 -> i32) = i32_rotl;
                I32Rotr(i32 -> i32) = i32_rotr;
                I32Eq(i32 -> i32) = i32_eq;
                I32Ne(i32 -> i32) = i32_ne;
                I32LtS(i32 -> i32) = i32_lt_s;
                I32LtU(i32 -> i32) = i32_lt_u;
                I32GtS(i32 -> i32) = i32_gt_s;
                I32GtU(i32 -> i32) = i32_gt_u;
                I32LeS(i32 -> i32) = i32_le_s;
                I32LeU(i32 -> i32) = i32_le_u;
                I32GeS(i32 -> i32) = i32_ge_s;
                I32GeU(i32 -> i32) = i32_ge_u;
                I64Add(i64 -> i64) = i64_add;
                I64Sub(i64 -> i64) = i64_sub;
                I64Mul(i64 -> i64) = i64_mul;
                I64DivS(i64 -> i64) = i64_div_s;
                I64DivU(i64 -> i64) = i64_div_u;
                I64RemS(i64 -> i64) = i64_rem_s;
                I64RemU(i64 -> i64) = i64_rem_u;
                I64And(i64 -> i64) = i64_and;
                I64Or(i64 -> i64) = i64_or;
                I64Xor(i64 -> i64) = i64_xor;
                I64Shl(i64 -> i64) = i64_shl;
                I64ShrS(i64 -> i64) = i64_shr_s;
                I64ShrU(i64 -> i64) = i64_shr_u;
                I64Rotl(i64 -> i64) = i64_rotl;
                I64Rotr(i64 -> i64) = i64_rotr;
                I64Eq(i64 -> i32) = i64_eq;
                I64Ne(i64 -> i32) = i64_ne;
                I64LtS(i64 -> i32) = i64_lt_s;
                I64LtU(i64 -> i32) = i64_lt_u;
                I64GtS(i64 -> i32) = i64_gt_s;
                I64GtU(i64 -> i32) = i64_gt_u;
                I64LeS(i64 -> i32) = i64_le_s;
                I64LeU(i64 -> i32) = i64_le_u;
                I64GeS(i64 -> i32) = i64_ge_s;
                I64GeU(i64 -> i32) = i64_ge_u;
                F32Add(f32 -> f32) = f32_add;
                F32Sub(f32 -> f32) = f32_sub;
                F32Mul(f32 -> f32) = f32_mul;
                F32Div(f32 -> f32) = f32_div;
                F32Min(f32 -> f32) = f32_min;
                F32Max(f32 -> f32) = f32_max;
                F32Copysign(f32 -> f32) = f32_copysign;
                F32Eq(f32 -> i32) = f32_eq;
                F32Ne(f32 -> i32) = f32_ne;
                F32Lt(f32 -> i32) = f32_lt;
                F32Gt(f32 -> i32) = f32_gt;
                F32Le(f32 -> i32) = f32_le;
                F32Ge(f32 -> i32) = f32_ge;
                F64Add(f64 -> f64) = f64_add;
                F64Sub(f64 -> f64) = f64_sub;
                F64Mul(f64 -> f64) = f64_mul;
                F64Div(f64 -> f64) = f64_div;
                F64Min(f64 -> f64) = f64_min;
                F64Max(f64 -> f64) = f64_max;
                F64Copysign(f64 -> f64) = f64_copysign;
                F64Eq(f64 -> i32) = f64_eq;
                F64Ne(f64 -> i32) = f64_ne;
                F64Lt(f64 -> i32) = f64_lt;
                F64Gt(f64 -> i32) = f64_gt;
                F64Le(f64 -> i32) = f64_le;
                F64Ge(f64 -> i32) = f64_ge;
            }
            unary {
                I32Clz(i32 -> i32) = i32_clz;
                I32Ctz(i32 -> i32) = i32_ctz;
                I32Popcnt(i32 -> i32) = i32_popcnt;
                I32Eqz(i32 -> i32) = i32_eqz;
                I32Extend8S(i32 -> i32) = i32_extend8_s;
                I32Extend16S(i32 -> i32) = i32_extend16_s;
                I64Clz(i64 -> i64) = i64_clz;
                I64Ctz(i64 -> i64) = i64_ctz;
                I64Popcnt(i64 -> i64) = i64_popcnt;
                I64Eqz(i64 -> i32) = i64_eqz;
                I64Extend8S(i64 -> i64) = i64_extend8_s;
                I64Extend16S(i64 -> i64) = i64_extend16_s;
                I64Extend32S(i64 -> i64) = i64_extend32_s;
                F32Abs(f32 -> f32) = f32_abs;
                F32Neg(f32 -> f32) = f32_neg;
                F32Ceil(f32 -> f32) = f32_ceil;
                F32Floor(f32 -> f32) = f32_floor;
                F32Trunc(f32 -> f32) = f32_trunc;
                F32Nearest(f32 -> f32) = f32_nearest;
                F32Sqrt(f32 -> f32) = f32_sqrt;
                F64Abs(f64 -> f64) = f64_abs;
                F64Neg(f64 -> f64) = f64_neg;
                F64Ceil(f64 -> f64) = f64_ceil;
                F64Floor(f64 -> f64) = f64_floor;
                F64Trunc(f64 -> f64) = f64_trunc;
                F64Nearest(f64 -> f64) = f64_nearest;
                F64Sqrt(f64 -> f64) = f64_sqrt;
                I32WrapI64(i64 -> i32) = i32_wrap_i64;
                I32TruncF32S(f32 -> i32) = i32_trunc_f32_s;
                I32TruncF32U(f32 -> i32) = i32_trunc_f32_u;
                I32TruncF64S(f64 -> i32) = i32_trunc_f64_s;
                I32TruncF64U(f64 -> i32) = i32_trunc_f64_u;
                I64ExtendI32S(i32 -> i64) = i64_extend_i32_s;
                I64ExtendI32U(i32 -> i64) = i64_extend_i32_u;
                I64TruncF32S(f32 -> i64) = i64_trunc_f32_s;
                I64TruncF32U(f32 -> i64) = i64_trunc_f32_u;
                I64TruncF64S(f64 -> i64) = i64_trunc_f64_s;
                I64TruncF64U(f64 -> i64) = i64_trunc_f64_u;
                F32ConvertI32S(i32 -> f32) = f32_convert_i32_s;
                F32ConvertI32U(i32 -> f32) = f32_convert_i32_u;
                F32ConvertI64S(i64 -> f32) = f32_convert_i64_s;
                F32ConvertI64U(i64 -> f32) = f32_convert_i64_u;
                F32DemoteF64(f64 -> f32) = f32_demote_f64;
                F64ConvertI32S(i32 -> f64) = f64_convert_i32_s;
                F64ConvertI32U(i32 -> f64) = f64_convert_i32_u;
                F64ConvertI64S(i64 -> f64) = f64_convert_i64_s;
                F64ConvertI64U(i64 -> f64) = f64_convert_i64_u;
                F64PromoteF32(f32 -> f64) = f64_promote_f32;
                I32ReinterpretF32(f32 -> i32) = i32_reinterpret_f32;
                I64ReinterpretF64(f64 -> i64) = i64_reinterpret_f64;
                F32ReinterpretI32(i32 -> f32) = f32_reinterpret_i32;
                F64ReinterpretI64(i64 -> f64) = f64_reinterpret_i64;
                I32TruncSatF32S(f32 -> i32) = i32_trunc_sat_f32_s;
                I32TruncSatF32U(f32 -> i32) = i32_trunc_sat_f32_u;
                I32TruncSatF64S(f64 -> i32) = i32_trunc_sat_f64_s;
                I32TruncSatF64U(f64 -> i32) = i32_trunc_sat_f64_u;
                I64TruncSatF32S(f32 -> i64) = i64_trunc_sat_f32_s;
                I64TruncSatF32U(f32 -> i64) = i64_trunc_sat_f32_u;
                I64TruncSatF64S(f64 -> i64) = i64_trunc_sat_f64_s;
                I64TruncSatF64U(f64 -> i64) = i64_trunc_sat_f64_u;
            }
            load {
                I32Load(i32 -> i32) = load_same;
                I64Load(i64 -> i64) = load_same;
                F32Load(f32 -> f32) = load_same;
                F64Load(f64 -> f64) = load_same;
                I32Load8S(i8 -> i32) = i32_from_i8;
                I32Load8U(u8 -> i32) = i32_from_u8;
                I32Load16S(i16 -> i32) = i32_from_i16;
                I32Load16U(u16 -> i32) = i32_from_u16;
                I64Load8S(i8 -> i64) = i64_from_i8;
                I64Load8U(u8 -> i64) = i64_from_u8;
                I64Load16S(i16 -> i64) = i64_from_i16;
                I64Load16U(u16 -> i64) = i64_from_u16;
                I64Load32S(i32 -> i64) = i64_from_i32;
                I64Load32U(u32 -> i64) = i64_from_u32;
            }
            store {
                I32Store(i32 -> i32) = store_same;
                I64Store(i64 -> i64) = store_same;
                F32Store(f32 -> f32) = store_same;
                F64Store(f64 -> f64) = store_same;
                I32Store8(i32 -> u8) = i32_to_u8;
                I32Store16(i32 -> u16) = i32_to_u16;
                I64Store8(i64 -> u8) = i64_to_u8;
                I64Store16(i64 -> u16) = i64_to_u16;
                I64Store32(i64 -> u32) = i64_to_u32;
            }
            branch_cmp {
                BrI32Eq(i32) = i32_eq;
                BrI32Ne(i32) = i32_ne;
                BrI32LtS(i32) = i32_lt_s;
                BrI32LtU(i32) = i32_lt_u;
                BrI32GtS(i32) = i32_gt_s;
                BrI32GtU(i32) = i32_gt_u;
                BrI32LeS(i32) = i32_le_s;
                BrI32LeU(i32) = i32_le_u;
                BrI32GeS(i32) = i32_ge_s;
                BrI32GeU(i32) = i32_ge_u;
                BrI64Eq(i64) = i64_eq;
                BrI64Ne(i64) = i64_ne;
                BrI64LtS(i64) = i64_lt_s;
                BrI64LtU(i64) = i64_lt_u;
                BrI64GtS(i64) = i64_gt_s;
                BrI64GtU(i64) = i64_gt_u;
                BrI64LeS(i64) = i64_le_s;
                BrI64LeU(i64) = i64_le_u;
                BrI64GeS(i64) = i64_ge_s;
                BrI64GeU(i64) = i64_ge_u;
                BrF32Eq(f32) = f32_eq;
                BrF32Ne(f32) = f32_ne;
                BrF32Lt(f32) = f32_lt;
                BrF32Gt(f32) = f32_gt;
                BrF32Le(f32) = f32_le;
                BrF32Ge(f32) = f32_ge;
                BrF64Eq(f64) = f64_eq;
                BrF64Ne(f64) = f64_ne;
                BrF64Lt(f64) = f64_lt;
                BrF64Gt(f64) = f64_gt;
                BrF64Le(f64) = f64_le;
                BrF64Ge(f64) = f64_ge;
            }
            increment_branch {
                BrI32Eq = i32_eq;
                BrI32Ne = i32_ne;
                BrI32LtS = i32_lt_s;
                BrI32LtU = i32_lt_u;
                BrI32GtS = i32_gt_s;
                BrI32GtU = i32_gt_u;
                BrI32LeS = i32_le_s;
                BrI32LeU = i32_le_u;
                BrI32GeS = i32_ge_s;
                BrI32GeU = i32_ge_u;
            }
            mul_add {
                I32MulAdd(i32 from I32Mul, I32Add) = i32_mul_add;
                I64MulAdd(i64 from I64Mul, I64Add) = i64_mul_add;
                F32MulAdd(f32 from F32Mul, F32Add) = f32_mul_add;
                F64MulAdd(f64 from F64Mul, F64Add) = f64_mul_add;
            }
            load_branch {
                I32Load(i32 -> i32) = load_same;
                I32Load8U(u8 -> i32) = i32_from_u8;
            }
            load_cmp_branch {
                I32Load8U(u8) {
                    BrI32Eq = i32_eq;
                    BrI32Ne = i32_ne;
                    BrI32LtS = i32_lt_s;
                    BrI32LtU = i32_lt_u;
                    BrI32GtS = i32_gt_s;
                    BrI32GtU = i32_gt_u;
                    BrI32LeS = i32_le_s;
                    BrI32LeU = i32_le_u;
                    BrI32GeS = i32_ge_s;
                    BrI32GeU = i32_ge_u;
                }
                I32Load(i32) {
                    BrI32Eq = i32_eq;
                    BrI32Ne = i32_ne;
                    BrI32LtS = i32_lt_s;
                    BrI32LtU = i32_lt_u;
                    BrI32GtS = i32_gt_s;
                    BrI32GtU = i32_gt_u;
                    BrI32LeS = i32_le_s;
                    BrI32LeU = i32_le_u;
                    BrI32GeS = i32_ge_s;
                    BrI32GeU = i32_ge_u;
                }
            }
            load_mul_add {
                I32LoadMulAdd(i32 -> i32 from I32Load, I32MulAdd) = load_same;
                I32Load8SMulAdd(i8 -> i32 from I32Load8S, I32MulAdd) = i32_from_i8;
                I32Load8UMulAdd(u8 -> i32 from I32Load8U, I32MulAdd) = i32_from_u8;
                I32Load16SMulAdd(i16 -> i32 from I32Load16S, I32MulAdd) = i32_from_i16;
                I32Load16UMulAdd(u16 -> i32 from I32Load16U, I32MulAdd) = i32_from_u16;
                I64LoadMulAdd(i64 -> i64 from I64Load, I64MulAdd) = load_same;
                F32LoadMulAdd(f32 -> f32 from F32Load, F32MulAdd) = load_same;
                F64LoadMulAdd(f64 -> f64 from F64Load, F64MulAdd) = load_same;
            }
            // Superinstructions: two ops in a row that run as one, `First + Second` becoming
            // `FirstThenSecond` (its fields are the first's, then the second's). The first must
            // fall through (no branch, call or return); a name made here may be a first again.
            // Chosen by counting executed op pairs (docs/design.md, "Superinstructions").
            pairs {
                GlobalI32AddI + BrI32LtUAI;
                I64AddSSD + CopySpillI;
                I32Store8SSI + BrI32LtUStepI;
                I32SubSID + Call;
                SpillI + BrIfS;
                Copy2 + SpillI;
                I32SubSID + I64AddSS;
                I32Load16SMulAddSIAccD + I32Load16SMulAddSIAccD;
                F64StoreSA + I32AddSID;
                I32Load8USSD + I32Load8USSBrI32NeS;
                I32AddSSD + ReturnS;
                I64XorAS + I64RotlAID;
                I32SubSID + I32LoadSD;
                F64ConvertI32SA + F64DivIA;
                F64DivIA + F64MulAddASD;
                I32SubSI + I32AndAI;
                I32AddSSD + F64LoadAD;
                I32AddSID + F64LoadAD;
                F64LoadMulAddA + F64StoreSA;
                F64LoadAD + F64LoadMulAddSIAcc;
                F64LoadAD + I32AddSSD;
                F64LoadMulAddSIAcc + F64StoreSA;
                I32AddSSD + F64LoadMulAddA;
                F64StoreSA + BrI32NeIncI;
                I32AddSID + BrI32GtUSI;
                Copy + F64SubSS;
                SpillF64 + F64SquareAD;
                F64AddSSD + Copy;
                F64MulAddSSD + F64SquareAD;
                F64AddSA + BrF64LeAI;
                F64SquareAD + F64AddSA;
                F64AddSAD + SpillF64;
                F64SubSS + F64AddSAD;
                I32ShlAI + I32AddSA;
                I32AndAI + I32ShlAI;
                I64RotlAID + I64AddASD;
                I64AddASD + I64XorAS;
                I32SubSID + BrI32LtSSS;
                I32LoadSD + I32SubSID;
                I32LoadAD + BrI32LtSAS;
                I32AddSID2 + I32LoadAD;
                I32AddSA + I64LoadA;
                I32AddSID + BrI32NeIncI;
                I64ShrUSI + I32WrapI64AD;
                I32AddSID + I32MulAS;
                I32AddAS + F64ConvertI32SA;
                F64MulAddASD + Copy;
                I32ShrUSI + I32AddSA;
                Copy + BrI32NeIncI;
                F64LoadSID + I32AddSID;
                I32MulAS + I32ShrUAI;
                I32ShrUAI + I32AddAS;
                F64LoadSID + I32ShrUSI;
                F64MulAddASD + I32AddSSD;
                I32AddSSD + I32AddSID2;
                I32AddSID2 + BrI32NeIncI;
                I32AddSA + F64ConvertI32SA;
                I32ShlSI + I32AddAID;
                I64AddSAD + I32SubSI;
                F64LoadSI + F64SubSAD;
                I32AddSID + F64MulSSD;
                F64AddSA + F64StoreSA;
                F64LoadS + F64AddSA;
                F64SubSA + F64StoreSA;
                I32GtUSS + SetSlot;
                SetSlot + SelectIA;
                I64XorSS + I64RotlAID;
                I64LoadA + I64AddSAD;
                I32StoreSS + Copy2;
                I32LoadSD + I32StoreSS;
                I64AddSAD + I32AndSI;
                Copy2 + BrI32GtSSI;
                I64AddSAD + I64XorAS;
                I64ShrUAI + I64XorASD;
                I64XorASD + I64ShlAI;
                I32AddSID + I32LoadSDBrIf;
                I32Load16SS + BrI32NeAS;
                I32AddSID + Br;
                I32ShrUAI + I32AndAID;
                I32SubSI + BrTableA;
                I32LoadSD + BrI32GeSIncS;
                I32Load8USD + I32SubSI;
                I32ShlAID + I32XorAID;
                I32Extend16SS + I32LtSAI;
                I32LtSAI + SelectIA;
                I32XorAID + I32Extend16SS;
                SelectIA + SpillI;
                I32AddSAD + I32GtUSI;
                I32AddSID + I32Load16UA;
                I32AddAS + I32Store16SA;
                I32GtUSI + I32AddSAD;
                I32Load16UA + I32AddAS;
                F64SquareA + F64AddSAD;
                F64LoadSD + F64MulSS;
                I32Store16SA + I32AddSID;
                Copy + I32AddSID;
                SpillI + I32ShlAID;
                I32Load16SSD + I32Load16SS;
                I32Load16SS + BrI32LtSAS;
                I32Load16USD + I32Load16USD;
                I32Load16USD + BrI32EqAS;
                I32Extend16SS + BrI32GtSAS;
                I32Extend16SSD + I32Extend16SS;
                SetSlot + SetSlot;
                I32EqzSD + BrI32NeIncS;
                I64AddSAD + I32EqzSD;
                I32XorAI + I64AndAI;
                I32Load8USID + I32LtUSID;
                I64AndAI + I64AddSAD;
                I32OrSA + I32XorAI;
                I32AndSAD + I32OrSA;
                I64ShrUIS + I32WrapI64A;
                I32NeAI + I64AddSAD;
                I32WrapI64A + I32AndSAD;
                I64AddSAD + I32EqSI;
                I32LtUSID + I64ShrUIS;
                I32Store8SII + I32Store8SII;
                I32AddSID + I32StoreSA;
                I64MulAID + I64ShrUAI;
                I64ShrUAI + I32WrapI64A;
                I32AndSA + BrIfA;
                I32LeSSSD + I32LeSSS;
                I32Load16SSD + I32LeSSSD;
                I32LeSSS + I32AndSA;
                I32StoreSIS + Br;
                I32StoreSS + I32StoreSIS;
                I32ShlSI + I32AddSAD;
                I32LoadA + I32AddAI;
                I32AddAI + I32StoreSA;
                I32AddSAD + I32LoadA;
                SetSlot + BrTableS;
                I64LoadAD + I64AddSS;
                I32AddAI + I32LoadAD;
                I32ShlSI + I32AddAI;
                F64LoadS + F64MulAddAID;
                SetSlot + F64LoadS;
                F64MulAddAID + SetSlot;
                I32AddSID + SetSlot;
                I32ShlAI + I32ShlIA;
                I32AddSID + I64AndSI;
                I32WrapI64A + I32ShlAI;
                I64RemUSI + I32WrapI64A;
                I32AndSAD + I32SubIS;
                I32WrapI64A + I32AndAID;
                I64AndSI + I64EqzA;
                I32ShlIA + I32SubAI;
                SelectIA + I32SubSAD;
                I32SubSAD + I32AddSID;
                I32SubIS + SpillI;
                I32SubAI + I32AndSAD;
                I64EqzA + BrIfNotA;
                I32Store8SA + I32AddSID2;
                I64XorAS + I64MulAI;
                I32Load8US + I32Store8SA;
                Copy + SetSlot;
                SelectIA + I32SubSA;
                I32SubSA + I32AddAID;
                I32AddAID + MemoryCopy;
                I32StoreSA + Copy;
                F64LoadSID + F64LoadSID;
                I32Load16SSI + I32MulASD;
                I32Load16SMulAddSIAcc + I32StoreSA;
                I64MulAI + I64StoreSA;
                I32AddSSD + I32LoadSI;
                I32AddSAD + BrI32NeIncI;
                I32MulAS + I32StoreSA;
                I64LoadS + I64XorAS;
                I32StoreSA + I32AddSID;
                I32AddSID + I32SubSI;
                I32SubSI + I32Load16SA;
                I32Load16SSID + I32Load16SSID;
                I32Load16SA + I32MulAS;
                I32LtSSSD + I32SubSID;
                I32SubSID + I32LtSSSD;
                I32StoreSIS + I32SubSID;
                I32LoadAD + BrI32GeSAI;
                I32SubSSD + BrI32GtUAI;
                Copy + I32Load8USBrI32NeI;
                I32SubAID + BrI32GtUAI;
                I32Load8US + I32SubAID;
                F64LoadSID + F64MulSSD;
                F64MulSAD + F64MulSA;
                F64MulSA + F64DivIA;
                F64DivIA + SpillF64;
                SpillF64 + F64MulSAD;
                F64SqrtS + F64MulSA;
                SetSlot + Br;
                I64StoreSI + I64StoreSI;
                I64AddSID + BrI32LtUSS;
                I64StoreSA + I64AddSID;
                I32SubSS + I32AddASD;
                I32Load16SSD + BrI32GeSAS;
                I32AddSI + I32StoreSA;
                Copy2 + SetSlot;
                SetSlot + BrI32LeSSI;
            }
        }
    };
}

/// Calls `$m!` with every op in flat form, one entry per concrete op:
///
/// ```text
/// $(#[doc])* Name { field: Type, .. } => handler::path [ extra handler args ];
/// ```
///
/// Families are expanded into their operand-kind variants here, and nowhere else.
#[macro_export]
macro_rules! for_each_op {
    ($m:ident) => {
        $crate::with_op_families! { [$crate::__flatten_ops_into] [$m] }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __flatten_ops_into {
    (
        [$user:ident]
        plain { $( $(#[$pdoc:meta])* $p:ident { $($pf:ident : $pt:ty),* } => $ph:path; )* }
        binary { $( $b:ident ($bin:ident -> $bout:ident) = $bk:ident; )* }
        unary { $( $u:ident ($uin:ident -> $uout:ident) = $uk:ident; )* }
        load { $( $l:ident ($lmem:ident -> $lout:ident) = $lk:ident; )* }
        store { $( $s:ident ($sin:ident -> $smem:ident) = $sk:ident; )* }
        branch_cmp { $( $c:ident ($cin:ident) = $ck:ident; )* }
        increment_branch { $( $n:ident = $nk:ident; )* }
        mul_add { $( $ma:ident ($mt:ident from $mb:ident, $madd:ident) = $mk:ident; )* }
        load_branch { $( $lb:ident ($lbm:ident -> $lbt:ident) = $lbk:ident; )* }
        load_cmp_branch { $( $lc:ident ($lcm:ident) { $( $lcc:ident = $lck:ident; )* } )* }
        load_mul_add { $( $lm:ident ($lmm:ident -> $lmt:ident from $lml:ident, $lmma:ident) = $lmk:ident; )* }
        pairs { $( $pa:ident + $pb:ident; )* }
    ) => {
        $crate::__pastey::paste! { $user! {
            $( $(#[$pdoc])* $p { $($pf : $pt),* } => $ph [] ; )*
            $(
                #[doc = concat!("`", stringify!($bk), "(acc, slot rhs)`")]
                [<$b AS>] { rhs: Slot } => numeric::binary::<$bin, $bout, A, S, A> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(slot lhs, acc)`")]
                [<$b SA>] { lhs: Slot } => numeric::binary::<$bin, $bout, S, A, A> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(slot lhs, slot rhs)`")]
                [<$b SS>] { lhs: Slot, rhs: Slot } => numeric::binary::<$bin, $bout, S, S, A> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(acc, imm rhs)`")]
                [<$b AI>] { rhs: $bin } => numeric::binary::<$bin, $bout, A, I, A> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(slot lhs, imm rhs)`")]
                [<$b SI>] { lhs: Slot, rhs: $bin } => numeric::binary::<$bin, $bout, S, I, A> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(imm lhs, acc)`")]
                [<$b IA>] { lhs: $bin } => numeric::binary::<$bin, $bout, I, A, A> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(imm lhs, slot rhs)`")]
                [<$b IS>] { lhs: $bin, rhs: Slot } => numeric::binary::<$bin, $bout, I, S, A> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(acc, slot rhs)` into slot `dst`")]
                [<$b ASD>] { rhs: Slot, dst: Slot } => numeric::binary::<$bin, $bout, A, S, S> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(slot lhs, acc)` into slot `dst`")]
                [<$b SAD>] { lhs: Slot, dst: Slot } => numeric::binary::<$bin, $bout, S, A, S> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(slot lhs, slot rhs)` into slot `dst`")]
                [<$b SSD>] { lhs: Slot, rhs: Slot, dst: Slot } => numeric::binary::<$bin, $bout, S, S, S> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(acc, imm rhs)` into slot `dst`")]
                [<$b AID>] { rhs: $bin, dst: Slot } => numeric::binary::<$bin, $bout, A, I, S> [kernels::$bk];
                #[doc = concat!("`", stringify!($bk), "(slot lhs, imm rhs)` into slot `dst`")]
                [<$b SID>] { lhs: Slot, rhs: $bin, dst: Slot } => numeric::binary::<$bin, $bout, S, I, S> [kernels::$bk];
            )*
            $(
                #[doc = concat!("`", stringify!($uk), "(acc)`")]
                [<$u A>] {} => numeric::unary::<$uin, $uout, A, A> [kernels::$uk];
                #[doc = concat!("`", stringify!($uk), "(slot src)`")]
                [<$u S>] { src: Slot } => numeric::unary::<$uin, $uout, S, A> [kernels::$uk];
                #[doc = concat!("`", stringify!($uk), "(acc)` into slot `dst`")]
                [<$u AD>] { dst: Slot } => numeric::unary::<$uin, $uout, A, S> [kernels::$uk];
                #[doc = concat!("`", stringify!($uk), "(slot src)` into slot `dst`")]
                [<$u SD>] { src: Slot, dst: Slot } => numeric::unary::<$uin, $uout, S, S> [kernels::$uk];
            )*
            // Memory accesses: the field `end` is the static offset plus the access's size,
            // so that the bounds check is `addr + end <= memory length` (`memory::effective`).
            $(
                #[doc = concat!("Load `", stringify!($lmem), "` at acc + offset from memory 0.")]
                [<$l A>] { end: u32 } => memory::load::<$lmem, $lout, A, A> [kernels::$lk];
                #[doc = concat!("Load `", stringify!($lmem), "` at slot addr + offset from memory 0.")]
                [<$l S>] { addr: Slot, end: u32 } => memory::load::<$lmem, $lout, S, A> [kernels::$lk];
                #[doc = concat!("Load `", stringify!($lmem), "` at slot base + slot index + offset from memory 0.")]
                [<$l SS>] { base: Slot, index: Slot, end: u32 } => memory::load::<$lmem, $lout, SS, A> [kernels::$lk];
                #[doc = concat!("Load `", stringify!($lmem), "` at slot base + imm index + offset from memory 0.")]
                [<$l SI>] { base: Slot, index: i32, end: u32 } => memory::load::<$lmem, $lout, SI, A> [kernels::$lk];
                #[doc = concat!("Load `", stringify!($lmem), "` at slot base + slot index + offset into slot `dst`.")]
                [<$l SSD>] { base: Slot, index: Slot, end: u32, dst: Slot } => memory::load::<$lmem, $lout, SS, S> [kernels::$lk];
                #[doc = concat!("Load `", stringify!($lmem), "` at slot base + imm index + offset into slot `dst`.")]
                [<$l SID>] { base: Slot, index: i32, end: u32, dst: Slot } => memory::load::<$lmem, $lout, SI, S> [kernels::$lk];
                #[doc = concat!("Load `", stringify!($lmem), "` at acc + offset into slot `dst`.")]
                [<$l AD>] { end: u32, dst: Slot } => memory::load::<$lmem, $lout, A, S> [kernels::$lk];
                #[doc = concat!("Load `", stringify!($lmem), "` at slot addr + offset into slot `dst`.")]
                [<$l SD>] { addr: Slot, end: u32, dst: Slot } => memory::load::<$lmem, $lout, S, S> [kernels::$lk];
            )*
            $(
                #[doc = concat!("Store `", stringify!($smem), "`: address in acc, value in acc (floats).")]
                [<$s AA>] { end: u32 } => memory::store::<$sin, $smem, A, A> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address in acc, value in a slot.")]
                [<$s AS>] { end: u32, value: Slot } => memory::store::<$sin, $smem, A, S> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address in acc, value immediate.")]
                [<$s AI>] { end: u32, value: $sin } => memory::store::<$sin, $smem, A, I> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address in a slot, value in acc.")]
                [<$s SA>] { addr: Slot, end: u32 } => memory::store::<$sin, $smem, S, A> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address and value in slots.")]
                [<$s SS>] { addr: Slot, end: u32, value: Slot } => memory::store::<$sin, $smem, S, S> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address in a slot, value immediate.")]
                [<$s SI>] { addr: Slot, end: u32, value: $sin } => memory::store::<$sin, $smem, S, I> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address slot base + slot index, value in acc.")]
                [<$s SSA>] { base: Slot, index: Slot, end: u32 } => memory::store::<$sin, $smem, SS, A> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address slot base + slot index, value in a slot.")]
                [<$s SSS>] { base: Slot, index: Slot, end: u32, value: Slot } => memory::store::<$sin, $smem, SS, S> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address slot base + slot index, value immediate.")]
                [<$s SSI>] { base: Slot, index: Slot, end: u32, value: $sin } => memory::store::<$sin, $smem, SS, I> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address slot base + imm index, value in acc.")]
                [<$s SIA>] { base: Slot, index: i32, end: u32 } => memory::store::<$sin, $smem, SI, A> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address slot base + imm index, value in a slot.")]
                [<$s SIS>] { base: Slot, index: i32, end: u32, value: Slot } => memory::store::<$sin, $smem, SI, S> [kernels::$sk];
                #[doc = concat!("Store `", stringify!($smem), "`: address slot base + imm index, value immediate.")]
                [<$s SII>] { base: Slot, index: i32, end: u32, value: $sin } => memory::store::<$sin, $smem, SI, I> [kernels::$sk];
            )*
            $(
                #[doc = concat!("Jump if `", stringify!($ck), "(acc, slot rhs)`.")]
                [<$c AS>] { rhs: Slot, offset: Offset } => control::br_cmp::<$cin, A, S> [kernels::$ck];
                #[doc = concat!("Jump if `", stringify!($ck), "(slot lhs, slot rhs)`.")]
                [<$c SS>] { lhs: Slot, rhs: Slot, offset: Offset } => control::br_cmp::<$cin, S, S> [kernels::$ck];
                #[doc = concat!("Jump if `", stringify!($ck), "(acc, imm rhs)`.")]
                [<$c AI>] { rhs: $cin, offset: Offset } => control::br_cmp::<$cin, A, I> [kernels::$ck];
                #[doc = concat!("Jump if `", stringify!($ck), "(slot lhs, imm rhs)`.")]
                [<$c SI>] { lhs: Slot, rhs: $cin, offset: Offset } => control::br_cmp::<$cin, S, I> [kernels::$ck];
            )*
            $(
                #[doc = concat!("`var += step` (i32, into slot `var`), then jump if `", stringify!($nk), "(var, slot rhs)`.")]
                [<$n IncS>] { var: Slot, step: i32, rhs: Slot, offset: Offset } => control::br_increment::<I, S> [kernels::$nk];
                #[doc = concat!("`var += step` (i32, into slot `var`), then jump if `", stringify!($nk), "(var, imm rhs)`.")]
                [<$n IncI>] { var: Slot, step: i32, rhs: i32, offset: Offset } => control::br_increment::<I, I> [kernels::$nk];
                #[doc = concat!("`var += slot step` (i32, into slot `var`), then jump if `", stringify!($nk), "(var, slot rhs)`.")]
                [<$n StepS>] { var: Slot, step: Slot, rhs: Slot, offset: Offset } => control::br_increment::<S, S> [kernels::$nk];
                #[doc = concat!("`var += slot step` (i32, into slot `var`), then jump if `", stringify!($nk), "(var, imm rhs)`.")]
                [<$n StepI>] { var: Slot, step: Slot, rhs: i32, offset: Offset } => control::br_increment::<S, I> [kernels::$nk];
            )*
            $(
                #[doc = concat!("`", stringify!($mk), "(acc, slot rhs, slot addend)`")]
                [<$ma AS>] { rhs: Slot, addend: Slot } => numeric::mul_add::<$mt, A, S, A> [kernels::$mk];
                #[doc = concat!("`", stringify!($mk), "(slot lhs, slot rhs, slot addend)`")]
                [<$ma SS>] { lhs: Slot, rhs: Slot, addend: Slot } => numeric::mul_add::<$mt, S, S, A> [kernels::$mk];
                #[doc = concat!("`", stringify!($mk), "(acc, imm rhs, slot addend)`")]
                [<$ma AI>] { rhs: $mt, addend: Slot } => numeric::mul_add::<$mt, A, I, A> [kernels::$mk];
                #[doc = concat!("`", stringify!($mk), "(slot lhs, imm rhs, slot addend)`")]
                [<$ma SI>] { lhs: Slot, rhs: $mt, addend: Slot } => numeric::mul_add::<$mt, S, I, A> [kernels::$mk];
                #[doc = concat!("`", stringify!($mk), "(acc, slot rhs, slot addend)` into slot `dst`")]
                [<$ma ASD>] { rhs: Slot, addend: Slot, dst: Slot } => numeric::mul_add::<$mt, A, S, S> [kernels::$mk];
                #[doc = concat!("`", stringify!($mk), "(slot lhs, slot rhs, slot addend)` into slot `dst`")]
                [<$ma SSD>] { lhs: Slot, rhs: Slot, addend: Slot, dst: Slot } => numeric::mul_add::<$mt, S, S, S> [kernels::$mk];
                #[doc = concat!("`", stringify!($mk), "(acc, imm rhs, slot addend)` into slot `dst`")]
                [<$ma AID>] { rhs: $mt, addend: Slot, dst: Slot } => numeric::mul_add::<$mt, A, I, S> [kernels::$mk];
                #[doc = concat!("`", stringify!($mk), "(slot lhs, imm rhs, slot addend)` into slot `dst`")]
                [<$ma SID>] { lhs: Slot, rhs: $mt, addend: Slot, dst: Slot } => numeric::mul_add::<$mt, S, I, S> [kernels::$mk];
            )*
            $(
                #[doc = concat!("Load `", stringify!($lbm), "` at slot addr + offset into the accumulator, then jump by `to` if it is not zero.")]
                [<$lb SBrIf>] { addr: Slot, end: u32, to: Offset } => memory::load_br_if::<$lbm, S, A> [kernels::$lbk];
                #[doc = concat!("Load `", stringify!($lbm), "` at slot base + slot index + offset, then jump by `to` if it is not zero.")]
                [<$lb SSBrIf>] { base: Slot, index: Slot, end: u32, to: Offset } => memory::load_br_if::<$lbm, SS, A> [kernels::$lbk];
                #[doc = concat!("Load `", stringify!($lbm), "` at slot base + imm index + offset, then jump by `to` if it is not zero.")]
                [<$lb SIBrIf>] { base: Slot, index: i32, end: u32, to: Offset } => memory::load_br_if::<$lbm, SI, A> [kernels::$lbk];
                #[doc = concat!("`", stringify!($lb), "SBrIf`, the value also written to slot `dst`.")]
                [<$lb SDBrIf>] { addr: Slot, end: u32, dst: Slot, to: Offset } => memory::load_br_if::<$lbm, S, S> [kernels::$lbk];
                #[doc = concat!("`", stringify!($lb), "SSBrIf`, the value also written to slot `dst`.")]
                [<$lb SSDBrIf>] { base: Slot, index: Slot, end: u32, dst: Slot, to: Offset } => memory::load_br_if::<$lbm, SS, S> [kernels::$lbk];
                #[doc = concat!("`", stringify!($lb), "SIBrIf`, the value also written to slot `dst`.")]
                [<$lb SIDBrIf>] { base: Slot, index: i32, end: u32, dst: Slot, to: Offset } => memory::load_br_if::<$lbm, SI, S> [kernels::$lbk];
                #[doc = concat!("Load `", stringify!($lbm), "` at slot addr + offset into the accumulator, then jump by `to` if it is zero.")]
                [<$lb SBrIfNot>] { addr: Slot, end: u32, to: Offset } => memory::load_br_if_not::<$lbm, S, A> [kernels::$lbk];
                #[doc = concat!("Load `", stringify!($lbm), "` at slot base + slot index + offset, then jump by `to` if it is zero.")]
                [<$lb SSBrIfNot>] { base: Slot, index: Slot, end: u32, to: Offset } => memory::load_br_if_not::<$lbm, SS, A> [kernels::$lbk];
                #[doc = concat!("Load `", stringify!($lbm), "` at slot base + imm index + offset, then jump by `to` if it is zero.")]
                [<$lb SIBrIfNot>] { base: Slot, index: i32, end: u32, to: Offset } => memory::load_br_if_not::<$lbm, SI, A> [kernels::$lbk];
                #[doc = concat!("`", stringify!($lb), "SBrIfNot`, the value also written to slot `dst`.")]
                [<$lb SDBrIfNot>] { addr: Slot, end: u32, dst: Slot, to: Offset } => memory::load_br_if_not::<$lbm, S, S> [kernels::$lbk];
                #[doc = concat!("`", stringify!($lb), "SSBrIfNot`, the value also written to slot `dst`.")]
                [<$lb SSDBrIfNot>] { base: Slot, index: Slot, end: u32, dst: Slot, to: Offset } => memory::load_br_if_not::<$lbm, SS, S> [kernels::$lbk];
                #[doc = concat!("`", stringify!($lb), "SIBrIfNot`, the value also written to slot `dst`.")]
                [<$lb SIDBrIfNot>] { base: Slot, index: i32, end: u32, dst: Slot, to: Offset } => memory::load_br_if_not::<$lbm, SI, S> [kernels::$lbk];
            )*
            $(
                #[doc = concat!("`", stringify!($lmm), "` at acc + offset, times slot `rhs`, plus slot `addend`")]
                [<$lm A>] { end: u32, rhs: Slot, addend: Slot } => memory::load_mul_add::<$lmm, $lmt, A, S, A> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot addr + offset, times slot `rhs`, plus slot `addend`")]
                [<$lm S>] { addr: Slot, end: u32, rhs: Slot, addend: Slot } => memory::load_mul_add::<$lmm, $lmt, S, S, A> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + slot index + offset, times slot `rhs`, plus slot `addend`")]
                [<$lm SS>] { base: Slot, index: Slot, end: u32, rhs: Slot, addend: Slot } => memory::load_mul_add::<$lmm, $lmt, SS, S, A> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + imm index + offset, times slot `rhs`, plus slot `addend`")]
                [<$lm SI>] { base: Slot, index: i32, end: u32, rhs: Slot, addend: Slot } => memory::load_mul_add::<$lmm, $lmt, SI, S, A> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at acc + offset, times slot `rhs`, plus slot `addend`, into slot `dst`")]
                [<$lm AD>] { end: u32, rhs: Slot, addend: Slot, dst: Slot } => memory::load_mul_add::<$lmm, $lmt, A, S, S> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot addr + offset, times slot `rhs`, plus slot `addend`, into slot `dst`")]
                [<$lm SD>] { addr: Slot, end: u32, rhs: Slot, addend: Slot, dst: Slot } => memory::load_mul_add::<$lmm, $lmt, S, S, S> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + slot index + offset, times slot `rhs`, plus slot `addend`, into slot `dst`")]
                [<$lm SSD>] { base: Slot, index: Slot, end: u32, rhs: Slot, addend: Slot, dst: Slot } => memory::load_mul_add::<$lmm, $lmt, SS, S, S> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + imm index + offset, times slot `rhs`, plus slot `addend`, into slot `dst`")]
                [<$lm SID>] { base: Slot, index: i32, end: u32, rhs: Slot, addend: Slot, dst: Slot } => memory::load_mul_add::<$lmm, $lmt, SI, S, S> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot addr + offset, times slot `rhs`, plus the accumulator")]
                [<$lm SAcc>] { addr: Slot, end: u32, rhs: Slot } => memory::load_mul_add::<$lmm, $lmt, S, A, A> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot addr + offset, times slot `rhs`, plus the accumulator, into slot `dst`")]
                [<$lm SAccD>] { addr: Slot, end: u32, rhs: Slot, dst: Slot } => memory::load_mul_add::<$lmm, $lmt, S, A, S> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + slot index + offset, times slot `rhs`, plus the accumulator")]
                [<$lm SSAcc>] { base: Slot, index: Slot, end: u32, rhs: Slot } => memory::load_mul_add::<$lmm, $lmt, SS, A, A> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + slot index + offset, times slot `rhs`, plus the accumulator, into slot `dst`")]
                [<$lm SSAccD>] { base: Slot, index: Slot, end: u32, rhs: Slot, dst: Slot } => memory::load_mul_add::<$lmm, $lmt, SS, A, S> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + imm index + offset, times slot `rhs`, plus the accumulator")]
                [<$lm SIAcc>] { base: Slot, index: i32, end: u32, rhs: Slot } => memory::load_mul_add::<$lmm, $lmt, SI, A, A> [kernels::$lmk];
                #[doc = concat!("`", stringify!($lmm), "` at slot base + imm index + offset, times slot `rhs`, plus the accumulator, into slot `dst`")]
                [<$lm SIAccD>] { base: Slot, index: i32, end: u32, rhs: Slot, dst: Slot } => memory::load_mul_add::<$lmm, $lmt, SI, A, S> [kernels::$lmk];
            )*
            $( $(
                #[doc = concat!("Load `", stringify!($lcm), "` at slot addr + offset, then jump by `to` if `", stringify!($lck), "(value, slot rhs)`.")]
                [<$lc S $lcc S>] { addr: Slot, end: u32, rhs: Slot, to: Offset } => memory::load_br_cmp::<$lcm, S, A, S> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot addr + offset, then jump by `to` if `", stringify!($lck), "(value, imm rhs)`.")]
                [<$lc S $lcc I>] { addr: Slot, end: u32, rhs: i32, to: Offset } => memory::load_br_cmp::<$lcm, S, A, I> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot addr + offset, also into slot `dst`, then jump by `to` if `", stringify!($lck), "(value, slot rhs)`.")]
                [<$lc SD $lcc S>] { addr: Slot, end: u32, dst: Slot, rhs: Slot, to: Offset } => memory::load_br_cmp::<$lcm, S, S, S> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot addr + offset, also into slot `dst`, then jump by `to` if `", stringify!($lck), "(value, imm rhs)`.")]
                [<$lc SD $lcc I>] { addr: Slot, end: u32, dst: Slot, rhs: i32, to: Offset } => memory::load_br_cmp::<$lcm, S, S, I> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + slot index + offset, then jump by `to` if `", stringify!($lck), "(value, slot rhs)`.")]
                [<$lc SS $lcc S>] { base: Slot, index: Slot, end: u32, rhs: Slot, to: Offset } => memory::load_br_cmp::<$lcm, SS, A, S> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + slot index + offset, then jump by `to` if `", stringify!($lck), "(value, imm rhs)`.")]
                [<$lc SS $lcc I>] { base: Slot, index: Slot, end: u32, rhs: i32, to: Offset } => memory::load_br_cmp::<$lcm, SS, A, I> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + slot index + offset, also into slot `dst`, then jump by `to` if `", stringify!($lck), "(value, slot rhs)`.")]
                [<$lc SSD $lcc S>] { base: Slot, index: Slot, end: u32, dst: Slot, rhs: Slot, to: Offset } => memory::load_br_cmp::<$lcm, SS, S, S> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + slot index + offset, also into slot `dst`, then jump by `to` if `", stringify!($lck), "(value, imm rhs)`.")]
                [<$lc SSD $lcc I>] { base: Slot, index: Slot, end: u32, dst: Slot, rhs: i32, to: Offset } => memory::load_br_cmp::<$lcm, SS, S, I> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + imm index + offset, then jump by `to` if `", stringify!($lck), "(value, slot rhs)`.")]
                [<$lc SI $lcc S>] { base: Slot, index: i32, end: u32, rhs: Slot, to: Offset } => memory::load_br_cmp::<$lcm, SI, A, S> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + imm index + offset, then jump by `to` if `", stringify!($lck), "(value, imm rhs)`.")]
                [<$lc SI $lcc I>] { base: Slot, index: i32, end: u32, rhs: i32, to: Offset } => memory::load_br_cmp::<$lcm, SI, A, I> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + imm index + offset, also into slot `dst`, then jump by `to` if `", stringify!($lck), "(value, slot rhs)`.")]
                [<$lc SID $lcc S>] { base: Slot, index: i32, end: u32, dst: Slot, rhs: Slot, to: Offset } => memory::load_br_cmp::<$lcm, SI, S, S> [kernels::$lck];
                #[doc = concat!("Load `", stringify!($lcm), "` at slot base + imm index + offset, also into slot `dst`, then jump by `to` if `", stringify!($lck), "(value, imm rhs)`.")]
                [<$lc SID $lcc I>] { base: Slot, index: i32, end: u32, dst: Slot, rhs: i32, to: Offset } => memory::load_br_cmp::<$lcm, SI, S, I> [kernels::$lck];
            )* )*
            // A pair's fields are its parts' (`Opcode::parts`), so none are listed here.
            $(
                #[doc = concat!("`", stringify!($pa), "`, then `", stringify!($pb), "`, in one op.")]
                [<$pa Then $pb>] {} => fused::pair::<fused::body::$pa, fused::body::$pb> [];
            )*
        } }
    };
}
