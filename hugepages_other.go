//go:build !linux

package main

import (
	"context"
	"log/slog"
)

// runHugePages: huge pages are asked for on Linux only (hugepages_linux.go).
func runHugePages(context.Context, *slog.Logger) error { return nil }
