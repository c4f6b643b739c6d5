// Package cluster holds tests and benchmarks that run several real
// `tuys serve` processes on one PostgreSQL database: the scale-out
// acceptance test (posting across nodes, SIGKILL and restart, search on
// every node, one SMS per purpose) and the cluster figures for `make bench`.
// It has no code of its own; everything lives in _test.go files.
package cluster
