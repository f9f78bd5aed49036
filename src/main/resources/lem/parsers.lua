-- lem.parsers: the read formats shared by every File and Stream.
local core = require 'lem.parsers.core'

local parsers = { lookup = core.lookup }
local available, target, lookup = core.available, core.target, core.lookup

-- newreader(readp) gives the read method of a class whose low-level reader is readp:
-- read() is the available data, read(n) n bytes, read(fmt, ...) a registered format.
function parsers.newreader(readp)
	return function(self, fmt, ...)
		if fmt == nil then
			return readp(self, available)
		elseif type(fmt) == 'number' then
			return readp(self, target, fmt)
		end
		local parser = lookup[fmt]
		if parser == nil then
			error('invalid format', 2)
		end
		return readp(self, parser, ...)
	end
end

return parsers
