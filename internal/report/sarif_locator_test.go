package report

import "testing"

func TestArtifactLocations(t *testing.T) {
	for _, c := range []struct {
		root, work, path string
		want             sarifArtifact
	}{
		{"/repo", "/repo", "k8s/a b.yaml", sarifArtifact{"k8s/a%20b.yaml", SrcRoot}},
		{"/repo", "/repo/deploy", "k8s/a.yaml", sarifArtifact{"deploy/k8s/a.yaml", SrcRoot}},
		{"/repo", "/repo/deploy", "../Dockerfile", sarifArtifact{"Dockerfile", SrcRoot}},
		{"/repo", "/repo", "../other/Dockerfile", sarifArtifact{URI: "file:///other/Dockerfile"}},
		{"/repo", "/repo", "/repo/x/Dockerfile", sarifArtifact{"x/Dockerfile", SrcRoot}},
		{"/repo", "/repo", "/repository/Dockerfile", sarifArtifact{URI: "file:///repository/Dockerfile"}},
		{"/repo", "/repo", "/tmp/#1/Dockerfile", sarifArtifact{URI: "file:///tmp/%231/Dockerfile"}},
		{"C:/repo", "C:/repo", "C:/tmp/Dockerfile", sarifArtifact{URI: "file:///C:/tmp/Dockerfile"}},
		{"C:/repo", "C:/repo", "app/Dockerfile", sarifArtifact{"app/Dockerfile", SrcRoot}},
		{"/", "/", "etc/Dockerfile", sarifArtifact{"etc/Dockerfile", SrcRoot}},
		// A caller that gives no roots (a library) keeps relative paths.
		{"", "", "k8s/a.yaml", sarifArtifact{"k8s/a.yaml", SrcRoot}},
		{"", "", "/abs/a.yaml", sarifArtifact{URI: "file:///abs/a.yaml"}},
	} {
		loc := locator{root: cleanDir(c.root), work: cleanDir(c.work)}
		if got := loc.artifact(c.path); got != c.want {
			t.Errorf("root %q, work %q, path %q: %+v, want %+v", c.root, c.work, c.path, got, c.want)
		}
	}
}
