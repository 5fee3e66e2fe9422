# The web app (frontend/): an npm project of its own, built as a Next.js static export into
# frontend/out, which make dev serves on 3007 and CloudFront serves in production.
# Its browser tests drive Debian's Chromium (tools/dev/browser.sh provides it); no browser is
# ever downloaded, by npm or anything else.

.PHONY: web-install web-build web-check web-e2e web-test

WEB := frontend
# Everything the export is built from: the build runs again only when one of these is newer.
WEB_INPUTS := $(WEB)/src $(WEB)/scripts $(WEB)/next.config.ts $(WEB)/package-lock.json $(WEB)/tsconfig.json

$(WEB)/node_modules/.package-lock.json: $(WEB)/package-lock.json
	cd $(WEB) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(NPM) ci --no-audit --no-fund
	@touch $@

web-install: $(WEB)/node_modules/.package-lock.json

# Not a file target: the source tree has folders named "(entry)" and "[lang]", which make reads
# as archive members and globs.
web-build: web-install ## Build the web app's static export into frontend/out (when a source changed)
	@if [ -f $(WEB)/out/index.html ] && [ -z "$$(find $(WEB_INPUTS) -newer $(WEB)/out/index.html -print -quit)" ]; then \
	  echo "web app: $(WEB)/out is up to date"; \
	else \
	  cd $(WEB) && $(NPM) run build; \
	fi

web-check: web-build ## The web app's type check, component tests and first-load JavaScript budget
	cd $(WEB) && $(NPM) run typecheck && $(NPM) test && $(NPM) run budget

web-e2e: build web-build ## The browser tests and Lighthouse in Debian's Chromium, against a stack of their own (E2E=frontend/e2e/x.test.mjs runs one file)
	node tools/dist/e2e/main.js $(E2E)

web-test: web-check web-e2e ## Every check of the web app (part of make test)
