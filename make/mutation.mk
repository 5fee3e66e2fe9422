# Mutation testing (Stryker) on the code that guards users and data: mutation/README.md.
# GROUP=<name> runs one group; FULL=1 reruns every mutant and rewrites the committed reports.
GROUP ?=
FULL ?=

.PHONY: mutation

mutation: install ## Mutation-test the security-critical code (incremental; fails below 85 % on any listed file)
	node mutation/run.mjs $(if $(FULL),--full) $(GROUP)
