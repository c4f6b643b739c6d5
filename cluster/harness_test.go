package cluster

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"tuys/internal/testbin"
	"tuys/notify/twiliotest"
)

// Credentials of the fake Twilio; letters and digits only, like real ones.
const (
	twilioSID   = "ACc1u5ter0000000000000000000000000"
	twilioToken = "c1u5tertoken0000000000000000000a"
	twilioFrom  = "+15005550006"
	secretKey   = "7475797320636c75737465722074657374206b65792030303030303030303030"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testbin.Cleanup()
	os.Exit(code)
}

// binary is the real tuys binary, built once per test process.
func binary(t testing.TB) string { return testbin.Tuys(t) }

func adminURL() string {
	if u := os.Getenv("TUYS_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// newDatabase creates an empty database for one run and drops it after;
// it skips, saying what is missing, when PostgreSQL is unreachable.
func newDatabase(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", adminURL())
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if err != nil {
		t.Skipf("SKIP: PostgreSQL not reachable at %s (%v); start it with .ci/run or set TUYS_TEST_POSTGRES", adminURL(), err)
	}
	name := fmt.Sprintf("tuys_cluster_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		admin.Close()
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Logf("drop database %s: %v", name, err)
		}
		admin.Close()
	})
	return withDatabase(adminURL(), name)
}

// withDatabase replaces the database name in a postgres:// URL.
func withDatabase(u, name string) string {
	i := strings.LastIndex(u, "/")
	q := ""
	if j := strings.Index(u[i:], "?"); j >= 0 {
		q = u[i+j:]
	}
	return u[:i+1] + name + q
}

// keptDatabase returns the URL of database name, creating it if needed and
// never dropping it (TUYS_BENCH_DB: a large load reused between runs).
func keptDatabase(t testing.TB, name string) string {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", adminURL())
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if err != nil {
		t.Skipf("SKIP: PostgreSQL not reachable at %s (%v); start it with .ci/run or set TUYS_TEST_POSTGRES", adminURL(), err)
	}
	defer admin.Close()
	var n int
	if err := admin.QueryRowContext(ctx, `SELECT count(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		if _, err := admin.ExecContext(ctx, `CREATE DATABASE "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
			t.Fatal(err)
		}
	}
	return withDatabase(adminURL(), name)
}

// db opens the cluster's database for direct checks; closed at cleanup.
func (c *cluster) db(ctx context.Context) *sql.DB {
	c.t.Helper()
	db, err := sql.Open("pgx", c.dbURL)
	if err == nil {
		err = db.PingContext(ctx)
	}
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { db.Close() })
	return db
}

// node is one `tuys serve` process; its data directory (the local search
// index) survives restarts, as on a real machine.
type node struct {
	name, base, dataDir, logPath string
	env                          []string
	cmd                          *exec.Cmd
	done                         chan struct{}
}

// cluster is N nodes on one database and one fake Twilio.
type cluster struct {
	t      testing.TB
	bin    string
	dbURL  string
	twilio *twiliotest.Server
	nodes  []*node
	client *http.Client
}

func newCluster(t testing.TB, n int) *cluster {
	t.Helper()
	c := &cluster{t: t, dbURL: newDatabase(t), bin: binary(t),
		twilio: twiliotest.New(twilioSID, twilioToken),
		client: &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{
			MaxIdleConns: 256, MaxIdleConnsPerHost: 64, IdleConnTimeout: 30 * time.Second}}}
	dir := t.TempDir() // first, so that it is removed last: after the nodes stopped
	t.Cleanup(c.twilio.Close)
	t.Cleanup(c.stopAll)
	for i := 0; i < n; i++ {
		c.addNode(filepath.Join(dir, fmt.Sprintf("node%d", i)))
	}
	// Runs before the data directories are removed: on failure, show what
	// the nodes logged (warnings and errors).
	t.Cleanup(func() {
		if t.Failed() {
			for i, nd := range c.nodes {
				t.Logf("%s log (tail):\n%s", nd.name, c.logTail(i))
			}
		}
	})
	for i := range c.nodes {
		c.start(i)
	}
	return c
}

func (c *cluster) addNode(dir string) int {
	port := freePort(c.t)
	nd := &node{name: filepath.Base(dir), base: fmt.Sprintf("http://127.0.0.1:%d", port), dataDir: dir,
		logPath: dir + ".log"}
	nd.env = append(os.Environ(),
		"TUYS_ADDR=127.0.0.1:"+fmt.Sprint(port),
		"TUYS_DATA_DIR="+dir,
		"TUYS_DATABASE_URL="+c.dbURL,
		"TUYS_SECRET_KEY="+secretKey,
		"TUYS_PUBLIC_URL="+nd.base,
		"TUYS_TRUSTED_PROXIES=127.0.0.1",
		"TUYS_SMS_HOURLY_BUDGET=1000000",
		"TUYS_LOG_LEVEL=warn",
	)
	if c.twilio != nil { // else SMS go to the log
		nd.env = append(nd.env, "TUYS_TWILIO_ACCOUNT_SID="+twilioSID, "TUYS_TWILIO_AUTH_TOKEN="+twilioToken,
			"TUYS_TWILIO_FROM="+twilioFrom, "TUYS_TWILIO_API_URL="+c.twilio.URL)
	}
	c.nodes = append(c.nodes, nd)
	return len(c.nodes) - 1
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// start runs node i and waits until it answers /healthz.
func (c *cluster) start(i int) {
	c.t.Helper()
	nd := c.nodes[i]
	logf, err := os.OpenFile(nd.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		c.t.Fatal(err)
	}
	nd.cmd = exec.Command(c.bin, "serve")
	nd.cmd.Env, nd.cmd.Stdout, nd.cmd.Stderr = nd.env, logf, logf
	if err := nd.cmd.Start(); err != nil {
		logf.Close()
		c.t.Fatal(err)
	}
	nd.done = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) {
		cmd.Wait()
		logf.Close()
		close(done)
	}(nd.cmd, nd.done)
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-nd.done:
			c.t.Fatalf("%s exited at start: %s", nd.name, c.logTail(i))
		default:
		}
		if resp, err := c.client.Get(nd.base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	c.t.Fatalf("%s never answered /healthz: %s", nd.name, c.logTail(i))
}

// kill sends SIGKILL: no shutdown, no flush, as when a machine dies.
func (c *cluster) kill(i int) {
	nd := c.nodes[i]
	if nd.cmd == nil || nd.cmd.Process == nil {
		return
	}
	nd.cmd.Process.Signal(syscall.SIGKILL)
	<-nd.done
}

func (c *cluster) stopAll() {
	for _, nd := range c.nodes {
		if nd.cmd == nil || nd.cmd.Process == nil {
			continue
		}
		select {
		case <-nd.done:
			continue
		default:
		}
		nd.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-nd.done:
		case <-time.After(10 * time.Second):
			nd.cmd.Process.Signal(syscall.SIGKILL)
			<-nd.done
		}
	}
}

func (c *cluster) logTail(i int) string {
	b, _ := os.ReadFile(c.nodes[i].logPath)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// clientIP gives request n a client address, as a load balancer would pass
// in X-Forwarded-For: per-client rate limits see many people, not one.
func clientIP(n int) string {
	return fmt.Sprintf("10.%d.%d.%d", n>>16&255, n>>8&255, n&255)
}

// do sends one request and returns status and body.
func (c *cluster) do(ctx context.Context, method, url string, body any, ip string) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("X-Forwarded-For", ip)
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// post files a report on node i; sent says whether the request may have
// reached the node (false only when the connection was refused).
func (c *cluster) post(ctx context.Context, i int, p *person, ip string) (id string, sent bool, err error) {
	status, body, err := c.do(ctx, http.MethodPost, c.nodes[i].base+"/api/v1/reports", p.In, ip)
	if err != nil {
		return "", !isRefused(err), err
	}
	if status != http.StatusCreated {
		return "", true, fmt.Errorf("POST /api/v1/reports on %s: %d %s", c.nodes[i].name, status, body)
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(body, &out); err != nil || out.ID == "" {
		return "", true, fmt.Errorf("POST /api/v1/reports: answer %s: %v", body, err)
	}
	return out.ID, true, nil
}

func isRefused(err error) bool {
	return err != nil && strings.Contains(err.Error(), "connection refused")
}

func (c *cluster) ready(i int) bool {
	resp, err := c.client.Get(c.nodes[i].base + "/readyz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
