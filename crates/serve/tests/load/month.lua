-- wrk script: one month of one country as GeoJSON, cycling over 60 months
-- (2013-2017) and the four most reported countries of the scale data.
local countries = {"SY", "IQ", "AF", "YE"}
local n = 0
request = function()
  n = n + 1
  local c = countries[n % #countries + 1]
  local m = math.floor(n / #countries) % 60
  local year, month = 2013 + math.floor(m / 12), m % 12 + 1
  local last = ({31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31})[month]
  local path = string.format("/api/events.geojson?country=%s&since=%d-%02d-01&until=%d-%02d-%02d&limit=50000",
    c, year, month, year, month, last)
  return wrk.format("GET", path)
end
