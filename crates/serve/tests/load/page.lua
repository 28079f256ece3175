-- wrk script: a filtered page of 100 events, cycling over countries and
-- event types (the countries and types of the store's synthetic scale data).
local countries = {"SY", "IQ", "AF", "YE", "UA", "SO", "LY", "NG"}
local types = {"Battles", "Explosions%2FRemote+violence", "Violence+against+civilians", "Protests", "Strategic+developments"}
local n = 0
request = function()
  n = n + 1
  local c = countries[n % #countries + 1]
  local t = types[math.floor(n / #countries) % #types + 1]
  return wrk.format("GET", "/api/events?country=" .. c .. "&type=" .. t .. "&limit=100")
end
