-- wrk script: POST a valid R_BVPN_FR_1 request (body and key from the
-- environment, set by bench.py).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("BENCH_KEY")
