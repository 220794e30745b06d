package shiplint.compose.secret_build_arg_test

import data.shiplint.compose.secret_build_arg

test_literal_fires if {
	secret_build_arg.deny == {{"msg": "Service \"app\" passes NPM_TOKEN as a build argument with a literal secret", "path": ["services", "app", "build", "args", "NPM_TOKEN"]}} with input as {"services": {"app": {"build": {"context": ".", "args": {"NPM_TOKEN": "npm_abc123", "GITHUB_TOKEN": "${GITHUB_TOKEN}", "VERSION": "1.0", "PASSWORD": null}}}}}
}

test_no_args_is_quiet if {
	count(secret_build_arg.deny) == 0 with input as {"services": {"app": {"build": {"context": "."}}, "b": {}}}
}
