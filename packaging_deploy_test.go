package main

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// unitKeys reads a systemd unit into key → values (a key may repeat).
func unitKeys(t *testing.T, path string) map[string][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string][]string{}
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			keys[k] = append(keys[k], v)
		}
	}
	return keys
}

// The systemd unit runs `tuys serve` under a dynamic user with its data in
// the state directory and the key handed over as a credential (never in the
// data directory), hardened; systemd-analyze verify finds nothing to say
// about it where systemd is installed.
func TestSystemdUnit(t *testing.T) {
	const unit = "packaging/tuys.service"
	k := unitKeys(t, unit)
	for key, want := range map[string]string{
		"DynamicUser": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
		"NoNewPrivileges": "yes", "CapabilityBoundingSet": "", "UMask": "0077", "StateDirectoryMode": "0700",
	} {
		if !slices.Contains(k[key], want) {
			t.Errorf("%s=%v, want %q", key, k[key], want)
		}
	}
	exec0 := strings.Fields(strings.Join(k["ExecStart"], ""))
	if len(exec0) != 2 || exec0[1] != "serve" {
		t.Fatalf("ExecStart %v: want BINARY serve", k["ExecStart"])
	}
	env := strings.Join(k["Environment"], " ")
	if len(k["StateDirectory"]) != 1 || !strings.Contains(env, "TUYS_DATA_DIR=/var/lib/"+k["StateDirectory"][0]) {
		t.Errorf("TUYS_DATA_DIR (%s) is not the StateDirectory %v: ProtectSystem=strict would make it read-only", env, k["StateDirectory"])
	}
	cred := regexp.MustCompile(`^([^:]+):`).FindStringSubmatch(strings.Join(k["LoadCredential"], ""))
	if cred == nil || !strings.Contains(env, "TUYS_SECRET_KEY_FILE=%d/"+cred[1]) {
		t.Errorf("the key is not read from a LoadCredential (%v, %s)", k["LoadCredential"], env)
	}
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze not installed: verify skipped")
		return
	}
	// verify wants ExecStart to exist: point it at the binary built here.
	raw, _ := os.ReadFile(unit)
	local := filepath.Join(t.TempDir(), "tuys.service")
	os.WriteFile(local, []byte(strings.Replace(string(raw), "ExecStart="+exec0[0], "ExecStart="+tuysBinary(t), 1)), 0o644)
	out, err := exec.Command(analyze, "verify", local).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// composeFile is the part of docs/compose.yaml the cluster depends on.
type composeFile struct {
	Services map[string]struct {
		Image       string
		Build       struct{ Context string }
		Environment map[string]string
		Volumes     []string
		Secrets     []string
		Networks    any // a list of names, or names → settings
	}
	Secrets map[string]struct{ File string }
}

// docs/compose.yaml runs PostgreSQL, three nodes built from the Dockerfile
// (each with its own index volume, all on the same database and key) and a
// load balancer that sends traffic to exactly those nodes once /readyz says
// so and whose address the nodes trust for X-Forwarded-For.
func TestComposeCluster(t *testing.T) {
	raw, err := os.ReadFile("docs/compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	var nodes []string
	dbURLs, keys, vols := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for name, s := range c.Services {
		if s.Build.Context == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join("docs", s.Build.Context, "Dockerfile")); err != nil {
			t.Fatalf("%s builds from %s: %v", name, s.Build.Context, err)
		}
		nodes = append(nodes, name)
		dbURLs[s.Environment["TUYS_DATABASE_URL"]] = true
		keys[s.Environment["TUYS_SECRET_KEY_FILE"]] = true
		for _, v := range s.Volumes {
			if strings.HasSuffix(v, ":/data") {
				vols[v] = true
			}
		}
		if len(s.Secrets) != 1 || s.Environment["TUYS_SECRET_KEY_FILE"] != "/run/secrets/"+s.Secrets[0] || c.Secrets[s.Secrets[0]].File == "" {
			t.Errorf("%s: the key file %q is not its secret %v", name, s.Environment["TUYS_SECRET_KEY_FILE"], s.Secrets)
		}
	}
	slices.Sort(nodes)
	if len(nodes) != 3 || len(vols) != 3 || len(dbURLs) != 1 || len(keys) != 1 {
		t.Fatalf("nodes %v, data volumes %v, database URLs %v, keys %v: want 3 nodes, 3 volumes, one database, one key", nodes, vols, dbURLs, keys)
	}
	for u := range dbURLs {
		pu, err := url.Parse(regexp.MustCompile(`\$\{[^}]*\}`).ReplaceAllString(u, "x")) // ${VAR} from .env
		if err != nil || !strings.HasPrefix(c.Services[pu.Hostname()].Image, "postgres:") {
			t.Fatalf("database URL %s does not point at a postgres service (%v)", u, err)
		}
	}
	caddy, err := os.ReadFile("docs/Caddyfile")
	if err != nil {
		t.Fatal(err)
	}
	proxy := regexp.MustCompile(`reverse_proxy ([^{]+)\{`).FindStringSubmatch(string(caddy))
	var upstreams []string
	if proxy != nil {
		for _, u := range strings.Fields(proxy[1]) {
			upstreams = append(upstreams, strings.TrimSuffix(u, ":8080"))
		}
	}
	slices.Sort(upstreams)
	if !slices.Equal(upstreams, nodes) || !strings.Contains(string(caddy), "health_uri /readyz") {
		t.Fatalf("Caddyfile balances %v (want %v on :8080) or lacks health_uri /readyz", upstreams, nodes)
	}
	var lbIP string
	nets, _ := c.Services["lb"].Networks.(map[string]any)
	for _, n := range nets {
		if m, ok := n.(map[string]any); ok {
			lbIP, _ = m["ipv4_address"].(string)
		}
	}
	for _, n := range nodes {
		if trusted := c.Services[n].Environment["TUYS_TRUSTED_PROXIES"]; lbIP == "" || trusted != lbIP {
			t.Errorf("%s trusts %q, the balancer is at %q", n, trusted, lbIP)
		}
	}
}
