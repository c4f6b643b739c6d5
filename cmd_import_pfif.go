package main

import (
	"context"
	"errors"
	"io"

	"tuys/api/intake"
	"tuys/data"
)

func importPFIF(ctx context.Context, filer *intake.Filer, is data.ImportStore, raw []byte, f importFlags, stdout io.Writer) error {
	return errors.New("PFIF: not yet")
}
