package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
)

// pprofHandler serves Go's profiler on TUYS_PPROF_ADDR: where a live node
// spends its time (a slow search, a matcher falling behind an import) is
// measured on that node, under its real load, e.g.
//
//	go tool pprof 'http://127.0.0.1:6060/debug/pprof/profile?seconds=30'
func pprofHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// checkPprofAddr refuses a profiler address other than loopback: goroutine
// dumps, command lines and heap profiles are not for the network (reach a
// remote node's profiler through an SSH tunnel).
func checkPprofAddr(addr string) error {
	if addr == "" {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil || !isLoopback(host) {
		return fmt.Errorf("-pprof-addr %q: the profiler listens on loopback only, e.g. 127.0.0.1:6060 (use an SSH tunnel from elsewhere)", addr)
	}
	return nil
}
