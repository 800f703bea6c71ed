-- wrk script: sends BENCH_PIPELINE requests per write (HTTP/1.1 pipelining),
-- each with the command line's method, path and headers. One wrk thread then
-- spends far less per request, so on tiny answers (a 304) the server's own
-- cost shows instead of the load generator's (bench/cached.sh).
init = function(args)
  local depth = tonumber(os.getenv("BENCH_PIPELINE")) or 1
  local batch = {}
  for i = 1, depth do
    batch[i] = wrk.format()
  end
  req = table.concat(batch)
end

request = function()
  return req
end
