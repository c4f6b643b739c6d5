package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

func init() { commands["version"] = versionCmd }

// version is set at release time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

// buildInfo is one line: the version, the commit and the Go toolchain.
func buildInfo() string {
	parts := []string{"tuys " + version}
	if bi, ok := debug.ReadBuildInfo(); ok {
		parts = append(parts, bi.GoVersion)
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				parts = append(parts, "commit "+s.Value[:min(12, len(s.Value))])
			case "vcs.time":
				parts = append(parts, "built from "+s.Value)
			case "vcs.modified":
				if s.Value == "true" {
					parts = append(parts, "with local changes")
				}
			}
		}
	}
	return strings.Join(parts, ", ")
}

func versionCmd(args []string, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, buildInfo())
	return 0
}
