package yamldoc

import (
	"math"
	"strconv"

	yaml "go.yaml.in/yaml/v3"
)

// yaml11Bools are the plain scalars go-yaml v2 (used by sigs.k8s.io/yaml, so
// by kubectl and the API server) and Docker Compose read as booleans, while
// yaml.v3 keeps them as strings.
var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false,
	"true": true, "True": true, "TRUE": true,
	"false": false, "False": false, "FALSE": false,
	"on": true, "On": true, "ON": true,
	"off": false, "Off": false, "OFF": false,
}

// scalarValue resolves a scalar to a plain value.
func scalarValue(n *yaml.Node) any {
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		if b, ok := yaml11Bools[n.Value]; ok {
			return b
		}
	case "!!int":
		return intValue(n)
	case "!!float":
		return floatValue(n)
	case "!!str":
		// Only plain untagged scalars: quoting or !!str keeps a string.
		if n.Style == 0 {
			if b, ok := yaml11Bools[n.Value]; ok {
				return b
			}
		}
	}
	// !!str, !!timestamp (no JSON form), !!binary and custom tags keep their text.
	return n.Value
}

func intValue(n *yaml.Node) any {
	var v any
	if err := n.Decode(&v); err != nil {
		return n.Value
	}
	switch x := v.(type) {
	case int:
		return int64(x)
	case int64:
		return x
	case uint64:
		if x <= math.MaxInt64 {
			return int64(x)
		}
		return float64(x)
	case float64:
		return x
	}
	return n.Value
}

// floatValue keeps .inf and .nan as text: they have no JSON form.
func floatValue(n *yaml.Node) any {
	var f float64
	if err := n.Decode(&f); err != nil {
		if g, err := strconv.ParseFloat(n.Value, 64); err == nil {
			f = g
		} else {
			return n.Value
		}
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return n.Value
	}
	return f
}
