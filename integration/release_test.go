package integration

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// The platforms every release is built for; the archive names are what the
// GitHub Action and the README's Install section download.
var releasePlatforms = [][2]string{
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// releaseTest skips unless SHIPLINT_RELEASE_TEST=1, which `make
// release-snapshot` sets after GoReleaser has filled dist/: these tests read
// its output or build the way a release is installed, minutes of work that
// `make test` leaves to that target (.ci/run runs both).
func releaseTest(t *testing.T) {
	t.Helper()
	if os.Getenv("SHIPLINT_RELEASE_TEST") != "1" {
		t.Skip("set SHIPLINT_RELEASE_TEST=1 (make release-snapshot does) to check a release snapshot")
	}
}

// TestReleaseArtifacts checks a snapshot in dist/ (or $SHIPLINT_DIST):
// exactly the six archives, one SBOM for each and checksums.txt; every
// checksum verifies (in Go and with sha256sum -c); each archive holds the
// binary, LICENSE and README.md at its root and nothing else; each SBOM is
// CycloneDX for shiplint's module graph; and the binary for this machine's
// platform reports the stamped version and commit.
func TestReleaseArtifacts(t *testing.T) {
	releaseTest(t)
	root := repoRoot(t)
	dist := os.Getenv("SHIPLINT_DIST")
	if dist == "" {
		dist = filepath.Join(root, "dist")
	}
	var meta struct {
		Version string `json:"version"`
		Commit  string `json:"commit"`
	}
	data, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil {
		t.Fatalf("%v: run make release-snapshot first", err)
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatalf("%s: %v", filepath.Join(dist, "metadata.json"), err)
	}
	if meta.Version == "" || strings.HasPrefix(meta.Version, "v") || len(meta.Commit) != 40 {
		t.Fatalf("dist/metadata.json: version %q (want one without a leading v), commit %q (want a full git commit; a checkout without a remote gets \"none\", see RELEASE_GIT_ENV in the Makefile)", meta.Version, meta.Commit)
	}

	var wantArchives, wantSBOMs []string
	for _, p := range releasePlatforms {
		base := "shiplint_" + meta.Version + "_" + p[0] + "_" + p[1]
		ext := ".tar.gz"
		if p[0] == "windows" {
			ext = ".zip"
		}
		wantArchives = append(wantArchives, base+ext)
		wantSBOMs = append(wantSBOMs, base+".sbom.cdx.json")
	}

	// The files at the top of dist/ that are released: archives, SBOMs,
	// checksums. GoReleaser's own bookkeeping (metadata.json,
	// artifacts.json, config.yaml) and the build directories stay out.
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	var gotReleased []string
	for _, e := range entries {
		switch name := e.Name(); {
		case e.IsDir(), name == "metadata.json", name == "artifacts.json", name == "config.yaml":
		default:
			gotReleased = append(gotReleased, name)
		}
	}
	wantReleased := append(append([]string{"checksums.txt"}, wantArchives...), wantSBOMs...)
	sort.Strings(wantReleased)
	sort.Strings(gotReleased)
	if !slices.Equal(gotReleased, wantReleased) {
		t.Errorf("dist/ holds\n  %s\nwant exactly\n  %s", strings.Join(gotReleased, "\n  "), strings.Join(wantReleased, "\n  "))
	}

	// checksums.txt: "<sha256 hex>  <name>", one line per archive and SBOM.
	sums, err := os.ReadFile(filepath.Join(dist, "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^([0-9a-f]{64})  (\S+)$`)
	var summed []string
	for i, l := range strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("checksums.txt:%d: %q is not \"<sha256>  <name>\"", i+1, l)
			continue
		}
		summed = append(summed, m[2])
		f, err := os.ReadFile(filepath.Join(dist, m[2]))
		if err != nil {
			t.Errorf("checksums.txt:%d: %v", i+1, err)
			continue
		}
		if h := sha256.Sum256(f); hex.EncodeToString(h[:]) != m[1] {
			t.Errorf("checksums.txt:%d: %s has sha256 %x, the file says %s", i+1, m[2], h, m[1])
		}
	}
	wantSummed := append(slices.Clone(wantArchives), wantSBOMs...)
	sort.Strings(wantSummed)
	sort.Strings(summed)
	if !slices.Equal(summed, wantSummed) {
		t.Errorf("checksums.txt lists\n  %s\nwant\n  %s", strings.Join(summed, "\n  "), strings.Join(wantSummed, "\n  "))
	}
	if _, err := exec.LookPath("sha256sum"); err == nil {
		if r := run(t, dist, nil, time.Minute, "sha256sum", "--check", "--strict", "checksums.txt"); r.code != 0 {
			t.Errorf("sha256sum --check checksums.txt: exit %d\n%s", r.code, r.combined())
		}
	}

	license, err := os.ReadFile(filepath.Join(root, "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range wantArchives {
		osName, arch := releasePlatforms[i][0], releasePlatforms[i][1]
		files := readArchive(t, filepath.Join(dist, name))
		bin := "shiplint"
		if osName == "windows" {
			bin += ".exe"
		}
		var names []string
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		if want := []string{"LICENSE", "README.md", bin}; !slices.Equal(names, want) {
			t.Errorf("%s holds %v, want exactly %v at the root", name, names, want)
		}
		if !bytes.Equal(files["LICENSE"].data, license) || !bytes.Equal(files["README.md"].data, readme) {
			t.Errorf("%s: LICENSE or README.md differs from the repository's", name)
		}
		b := files[bin]
		if osName != "windows" && b.mode&0o111 == 0 {
			t.Errorf("%s: %s is not executable (mode %v)", name, bin, b.mode)
		}
		if osName == runtime.GOOS && arch == runtime.GOARCH {
			checkStampedBinary(t, b.data, meta.Version, meta.Commit)
		}
	}

	for _, name := range wantSBOMs {
		var bom struct {
			BOMFormat string `json:"bomFormat"`
			Metadata  struct {
				Component struct {
					Name string `json:"name"`
				} `json:"component"`
			} `json:"metadata"`
			Components []struct {
				Name    string `json:"name"`
				Version string `json:"version"`
			} `json:"components"`
		}
		data, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			t.Error(err)
			continue
		}
		if err := json.Unmarshal(data, &bom); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if bom.BOMFormat != "CycloneDX" || bom.Metadata.Component.Name != "github.com/shiplint/shiplint" {
			t.Errorf("%s: bomFormat %q, component %q; want CycloneDX for github.com/shiplint/shiplint", name, bom.BOMFormat, bom.Metadata.Component.Name)
		}
		found := false
		for _, c := range bom.Components {
			found = found || c.Name == "github.com/open-policy-agent/opa"
		}
		if !found {
			t.Errorf("%s lists no github.com/open-policy-agent/opa among its %d components", name, len(bom.Components))
		}
	}
}

type archived struct {
	data []byte
	mode os.FileMode
}

// readArchive returns the regular files of a .tar.gz or .zip by name, and
// fails on directories, links or anything else an extraction would create.
func readArchive(t *testing.T, path string) map[string]archived {
	t.Helper()
	files := map[string]archived{}
	if strings.HasSuffix(path, ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			if !f.Mode().IsRegular() {
				t.Errorf("%s: %s is not a regular file (%v)", path, f.Name, f.Mode())
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s: %s: %v", path, f.Name, err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %s: %v", path, f.Name, err)
			}
			files[f.Name] = archived{data, f.Mode()}
		}
		return files
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	gz, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if h.Typeflag != tar.TypeReg {
			t.Errorf("%s: %s is not a regular file (type %q)", path, h.Name, h.Typeflag)
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatalf("%s: %s: %v", path, h.Name, err)
		}
		files[h.Name] = archived{data, h.FileInfo().Mode()}
	}
	return files
}

// checkStampedBinary runs a released binary's `version`.
func checkStampedBinary(t *testing.T, bin []byte, version, commit string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shiplint")
	if err := os.WriteFile(path, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	r := run(t, t.TempDir(), nil, time.Minute, path, "version")
	want := regexp.MustCompile(`^shiplint ` + regexp.QuoteMeta(version) + ` \(commit ` + commit[:7] + `, committed \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)\)\n$`)
	if r.code != 0 || !want.MatchString(r.stdout) {
		t.Errorf("released binary's version: exit %d, %q; want %s", r.code, r.stdout, want)
	}
}
