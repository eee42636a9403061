#include "textflag.h"

// func addRow(dst, src *float32, n int)
// dst[i] += src[i] for i < n: four lanes per ADDPS, then one ADDSS per
// float left; each lane is rounded exactly as a scalar float32 addition.
TEXT ·addRow(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	MOVQ CX, DX
	SHRQ $3, CX
	JZ   quad
eight:
	MOVUPS (SI), X0
	MOVUPS 16(SI), X2
	MOVUPS (DI), X1
	MOVUPS 16(DI), X3
	ADDPS X0, X1
	ADDPS X2, X3
	MOVUPS X1, (DI)
	MOVUPS X3, 16(DI)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  eight
quad:
	TESTQ $4, DX
	JZ   tail
	MOVUPS (SI), X0
	MOVUPS (DI), X1
	ADDPS X0, X1
	MOVUPS X1, (DI)
	ADDQ $16, SI
	ADDQ $16, DI
tail:
	ANDQ $3, DX
	JZ   done
one:
	MOVSS (SI), X0
	ADDSS (DI), X0
	MOVSS X0, (DI)
	ADDQ $4, SI
	ADDQ $4, DI
	DECQ DX
	JNZ  one
done:
	RET
