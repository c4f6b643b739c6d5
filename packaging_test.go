package main

import (
	"debug/elf"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// dockerStage is one FROM section of a Dockerfile: its base, its name and
// its instructions (continuation lines joined, comments dropped).
type dockerStage struct {
	from, name string
	instrs     [][2]string // keyword (upper case), arguments
}

func parseDockerfile(t *testing.T, path string) []dockerStage {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var stages []dockerStage
	text := regexp.MustCompile(`\\\n\s*`).ReplaceAllString(string(raw), " ")
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kw, args, _ := strings.Cut(line, " ")
		kw, args = strings.ToUpper(kw), strings.TrimSpace(args)
		if kw == "FROM" {
			f := strings.Fields(args)
			st := dockerStage{from: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				st.name = f[2]
			}
			stages = append(stages, st)
			continue
		}
		if len(stages) > 0 {
			stages[len(stages)-1].instrs = append(stages[len(stages)-1].instrs, [2]string{kw, args})
		}
	}
	return stages
}

// find returns the arguments of every instruction kw in the stage.
func (s dockerStage) find(kw string) []string {
	var out []string
	for _, in := range s.instrs {
		if in[0] == kw {
			out = append(out, in[1])
		}
	}
	return out
}

// The Dockerfile's final image is FROM scratch (or distroless static), runs
// the binary its build stage makes with `make build` as a non-root user,
// keeps /data as a volume owned by that user, and checks itself through
// `tuys healthcheck`; the same make build here gives a static binary that
// carries its version and whose healthcheck tells ready from not ready.
func TestDockerfile(t *testing.T) {
	stages := parseDockerfile(t, "Dockerfile")
	if len(stages) < 2 {
		t.Fatalf("want a multi-stage Dockerfile, got %d stage(s)", len(stages))
	}
	final := stages[len(stages)-1]
	if final.from != "scratch" && !strings.HasPrefix(final.from, "gcr.io/distroless/static") {
		t.Fatalf("final image FROM %s, want scratch or distroless static", final.from)
	}
	copies := map[string][]string{} // destination → fields of its COPY
	for _, c := range final.find("COPY") {
		f := strings.Fields(c)
		copies[f[len(f)-1]] = f
	}
	entry := jsonArgs(t, "ENTRYPOINT", final.find("ENTRYPOINT"))
	binCopy := copies[entry[0]]
	if len(entry) != 1 || len(binCopy) < 3 || !strings.HasPrefix(binCopy[0], "--from=") {
		t.Fatalf("ENTRYPOINT %v is not a binary copied from a build stage (%v)", entry, binCopy)
	}
	from := strings.TrimPrefix(binCopy[0], "--from=")
	builtAt := binCopy[len(binCopy)-2]
	var build *dockerStage
	for i := range stages {
		if stages[i].name == from {
			build = &stages[i]
		}
	}
	if build == nil {
		t.Fatalf("the binary comes from stage %q, which the Dockerfile does not define", from)
	}
	makeArgs := makeBuildArgs(t, build.find("RUN"), builtAt)

	user := final.find("USER")
	if len(user) != 1 || !regexp.MustCompile(`^[1-9][0-9]*:[1-9][0-9]*$`).MatchString(user[0]) {
		t.Fatalf("USER %v: want one numeric non-root uid:gid (scratch has no /etc/passwd)", user)
	}
	env := strings.Join(final.find("ENV"), " ")
	dataDir := regexp.MustCompile(`TUYS_DATA_DIR=(\S+)`).FindStringSubmatch(env)
	if dataDir == nil || !strings.Contains(strings.Join(final.find("VOLUME"), " "), `"`+dataDir[1]+`"`) {
		t.Fatalf("ENV %q and VOLUME %v: the data directory must be the volume", env, final.find("VOLUME"))
	}
	if c := copies[dataDir[1]]; len(c) < 3 || !strings.Contains(strings.Join(c, " "), "--chown="+user[0]) {
		t.Fatalf("%s is not created owned by %s (a new volume would not be writable): %v", dataDir[1], user[0], c)
	}
	port := regexp.MustCompile(`TUYS_ADDR=:(\d+)`).FindStringSubmatch(env)
	if port == nil || !strings.Contains(strings.Join(final.find("EXPOSE"), " "), port[1]) {
		t.Fatalf("ENV %q and EXPOSE %v disagree on the port", env, final.find("EXPOSE"))
	}
	for _, need := range []string{"/etc/ssl/certs/ca-certificates.crt", "/tmp"} { // Twilio over TLS; SQLite temp files
		if copies[need] == nil && final.from == "scratch" {
			t.Errorf("scratch image lacks %s", need)
		}
	}
	hc := final.find("HEALTHCHECK")
	if len(hc) != 1 || !strings.Contains(hc[0], `CMD ["`+entry[0]+`", "healthcheck"]`) {
		t.Fatalf("HEALTHCHECK %v: want CMD [%q, \"healthcheck\"]", hc, entry[0])
	}

	if testing.Short() {
		t.Skip("-short: the Dockerfile's paths, user and healthcheck hold; the make build it runs is not tried")
	}
	bin := filepath.Join(t.TempDir(), "tuys")
	const ver = "v0.0.0-dockerfile-test"
	args := strings.Fields(strings.NewReplacer(builtAt, bin, "${VERSION}", ver).Replace(makeArgs))
	if out, err := exec.Command("make", append([]string{"-s"}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("make %v: %v\n%s", args, err, out)
	}
	checkStatic(t, bin)
	if out, _ := exec.Command(bin, "version").Output(); !strings.Contains(string(out), ver) {
		t.Fatalf("tuys version = %q, want %s stamped by -ldflags", out, ver)
	}
	checkHealthcheck(t, bin, ver)
}

// jsonArgs returns the exec form ["a", "b"] of the one instruction kw.
func jsonArgs(t *testing.T, kw string, got []string) []string {
	t.Helper()
	if len(got) != 1 || !strings.HasPrefix(got[0], "[") {
		t.Fatalf("%s %v: want exactly one, in exec form", kw, got)
	}
	var out []string
	for _, m := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(got[0], -1) {
		out = append(out, m[1])
	}
	return out
}

// makeBuildArgs returns the arguments of the build stage's `make build`
// that writes the binary at bin: the image is built the way make builds.
func makeBuildArgs(t *testing.T, runs []string, bin string) string {
	t.Helper()
	for _, r := range runs {
		for _, part := range strings.Split(r, "&&") {
			part = strings.TrimSpace(part)
			if strings.HasPrefix(part, "make build ") && strings.Contains(part, "BIN="+bin) {
				return strings.TrimPrefix(part, "make ")
			}
		}
	}
	t.Fatalf("no RUN make build BIN=%s in the build stage: %v", bin, runs)
	return ""
}

// checkStatic fails unless bin needs no dynamic loader or shared library
// (FROM scratch has neither).
func checkStatic(t *testing.T, bin string) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Fatalf("%s is dynamically linked (%v)", bin, p.Type)
		}
	}
}

// checkHealthcheck runs `tuys healthcheck` against a ready and a not-ready
// /readyz and checks the exit codes and the version it announces.
func checkHealthcheck(t *testing.T, bin, ver string) {
	t.Helper()
	var mu sync.Mutex // the handler runs on the server's goroutines
	status, agent := http.StatusOK, ""
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		agent = r.UserAgent()
		if r.URL.Path != "/readyz" {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.WriteHeader(status)
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, c := range []struct{ status, exit int }{{http.StatusOK, 0}, {http.StatusServiceUnavailable, 1}} {
		mu.Lock()
		status = c.status
		mu.Unlock()
		cmd := exec.Command(bin, "healthcheck")
		cmd.Env = append(os.Environ(), "TUYS_ADDR="+addr)
		out, _ := cmd.CombinedOutput()
		if cmd.ProcessState.ExitCode() != c.exit {
			t.Fatalf("healthcheck with /readyz %d: exit %d, want %d: %s", c.status, cmd.ProcessState.ExitCode(), c.exit, out)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if agent != "tuys-healthcheck/"+ver {
		t.Fatalf("healthcheck User-Agent %q, want the stamped version", agent)
	}
}

// make release builds every platform with the same flags as make build and
// writes the checksums.
func TestReleaseTarget(t *testing.T) {
	dry := func(target string) string {
		out, err := exec.Command("make", "--no-print-directory", "-n", target, "VERSION=v9.8.7", "BIN=x").CombinedOutput()
		if err != nil {
			t.Fatalf("make -n %s: %v\n%s", target, err, out)
		}
		return string(out)
	}
	build, release := dry("build"), dry("release")
	flags, _, ok := strings.Cut(strings.TrimSpace(build), " -o x")
	if !ok || !strings.Contains(flags, "CGO_ENABLED=0") || !strings.Contains(flags, "-X main.version=v9.8.7") {
		t.Fatalf("make build: %q", build)
	}
	for _, want := range []string{"GOOS=$os GOARCH=$arch " + flags, "linux/amd64", "linux/arm64", "dist/tuys-v9.8.7-$os-$arch", "sha256sum tuys-* > SHA256SUMS"} {
		if !strings.Contains(release, want) {
			t.Errorf("make release lacks %q:\n%s", want, release)
		}
	}
}
