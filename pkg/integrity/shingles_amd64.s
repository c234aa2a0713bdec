#include "textflag.h"

// func shingleHashes8(out *uint64, rs *int32, blocks int)
//
// Eight shingles a block: out[j] = mix64(kTerm + rs[j]·P³ + rs[j+1]·P² +
// rs[j+2]·P + rs[j+3]) for j < 8·blocks, the runes sign-extended as
// uint64(r) does. It reads rs up to rs[8·blocks+2].
TEXT ·shingleHashes8(SB), NOSPLIT, $0-24
	MOVQ out+0(FP), DI
	MOVQ rs+8(FP), SI
	MOVQ blocks+16(FP), CX
	MOVQ $0x100000001b3, AX
	VPBROADCASTQ AX, Z0 // P
	MOVQ $0x366000002e329, AX
	VPBROADCASTQ AX, Z1 // P²
	MOVQ $0x8a97b0004e7feab, AX
	VPBROADCASTQ AX, Z2 // P³
	MOVQ $0x7feab02158d6f244, AX
	VPBROADCASTQ AX, Z3 // kTerm
	MOVQ $0xbf58476d1ce4e5b9, AX
	VPBROADCASTQ AX, Z4
	MOVQ $0x94d049bb133111eb, AX
	VPBROADCASTQ AX, Z5
	TESTQ CX, CX
	JZ done

loop:
	VPMOVSXDQ (SI), Z6
	VPMOVSXDQ 4(SI), Z7
	VPMOVSXDQ 8(SI), Z8
	VPMOVSXDQ 12(SI), Z9
	VPMULLQ Z2, Z6, Z6
	VPMULLQ Z1, Z7, Z7
	VPMULLQ Z0, Z8, Z8
	VPADDQ  Z7, Z6, Z6
	VPADDQ  Z9, Z8, Z8
	VPADDQ  Z8, Z6, Z6
	VPADDQ  Z3, Z6, Z6
	// mix64
	VPSRLQ  $30, Z6, Z7
	VPXORQ  Z7, Z6, Z6
	VPMULLQ Z4, Z6, Z6
	VPSRLQ  $27, Z6, Z7
	VPXORQ  Z7, Z6, Z6
	VPMULLQ Z5, Z6, Z6
	VPSRLQ  $31, Z6, Z7
	VPXORQ  Z7, Z6, Z6
	VMOVDQU64 Z6, (DI)
	ADDQ $32, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop

done:
	VZEROUPPER
	RET

// func finishBins8(sig *uint16, mins *uint32, empty *uint64)
//
// Sets sig[i] to mins[i]>>16 for every bin, and the bit i of empty (three
// words, zero on entry) for every bin whose minimum is MaxUint32: sixteen
// bins a step.
TEXT ·finishBins8(SB), NOSPLIT, $0-24
	MOVQ sig+0(FP), DI
	MOVQ mins+8(FP), SI
	MOVQ empty+16(FP), DX
	VPTERNLOGD $0xff, Z31, Z31, Z31 // all ones
	MOVQ $9, CX // NumHashes / 16

step:
	VMOVDQU32 (SI), Z0
	VPCMPEQD  Z31, Z0, K1
	VPSRLD    $16, Z0, Z0
	VPMOVDW   Z0, Y1
	VMOVDQU   Y1, (DI)
	KMOVW     K1, AX
	MOVW      AX, (DX)
	ADDQ $64, SI
	ADDQ $32, DI
	ADDQ $2, DX
	DECQ CX
	JNZ  step
	VZEROUPPER
	RET
