package shiplint.dockerfile.pip_no_cache_dir_test

import data.shiplint.dockerfile.pip_no_cache_dir as rule
import data.shiplint.lib.dockerfile_test as h

test_fires if {
	{plain(f) | some f in rule.deny} == {{"msg": "pip3 install keeps its download cache in the layer: add --no-cache-dir", "path": ["stages", 0, "instructions", 0, "commands", 0]}} with input as h.doc([h.run([h.cmd("pip3", ["install", "-r", "requirements.txt"])])])
}

test_env_is_quiet if {
	count(rule.deny) == 0 with input as h.doc([h.pairs("env", [["PIP_NO_CACHE_DIR", "1"]]), h.run([h.cmd("pip", ["install", "flask"])])])
}

test_python_m_pip_and_flag if {
	count(rule.deny) == 1 with input as h.doc([h.run([h.cmd("python", ["-m", "pip", "install", "flask"]), h.cmd("pip", ["install", "--no-cache-dir", "x"])])])
}

# plain is a deny element without its fix (test_fix checks the fix).
plain(f) := {"msg": f.msg, "path": f.path}

test_fix if {
	some f in rule.deny with input as h.doc([h.run([h.cmd("pip3", ["install", "-r", "requirements.txt"])])])
	f.fix.description == "Add --no-cache-dir"
	f.fix.ops[0].insert == " --no-cache-dir"
	regex.find_n(f.fix.ops[0].after, "python3 -m pip3.12 --quiet install flask", 1) == [" pip3.12 --quiet install"]
}
