-- lem.io: the Lua half of lem's I/O module (the Java half is lem.io.core).
local core = require 'lem.io.core'
local parsers = require 'lem.parsers'
local utils = require 'lem.utils'

local io = core
local Stream, File = io.Stream, io.File

Stream.read = parsers.newreader(Stream.readp)
File.read = parsers.newreader(File.readp)

local function lines(self, fmt)
	fmt = fmt or '*l'
	return function(s) return s:read(fmt) end, self
end
Stream.lines = lines
File.lines = lines

-- the current input and output of io.read, io.write and io.close
local input, output = io.stdin, io.stdout

function io.input(file)
	if file == nil then return input end
	if type(file) == 'string' then
		input = assert(io.open(file))
	else
		input = file
	end
end

-- (the C version opened a named output file read-only; lem opens it for writing)
function io.output(file)
	if file == nil then return output end
	if type(file) == 'string' then
		output = assert(io.open(file, 'w'))
	else
		output = file
	end
end

function io.read(...) return input:read(...) end
function io.write(...) return output:write(...) end
function io.close(file) return (file or output):close() end

-- io.lines(name) reads a file through a stream and closes it at the end
function io.lines(filename, fmt)
	if filename == nil then return input:lines(fmt) end
	local stream, err = io.streamfile(filename)
	if not stream then error(err, 2) end
	fmt = fmt or '*l'
	return function(s)
		local v = s:read(fmt)
		if v == nil then s:close() end
		return v
	end, stream
end

-- A MultiServer groups the IPv6 and IPv4 servers of one port (io.tcp.listen('*', port)).
local MultiServer = {}
MultiServer.__index = MultiServer
io.MultiServer = MultiServer

function MultiServer:autospawn(handler)
	self.running = true
	local function serve(server)
		local ok, err = server:autospawn(handler)
		if self.running then
			self.running, self.ok, self.err = false, ok, err
			for i = 1, #self do
				if self[i] ~= server then self[i]:interrupt() end
			end
		end
	end
	for i = 1, #self - 1 do
		utils.spawn(serve, self[i])
	end
	serve(self[#self])
	return self.ok, self.err
end

function MultiServer:interrupt()
	return self[1]:interrupt()
end

function MultiServer:close()
	local ok, err = true, nil
	for i = 1, #self do
		local rok, rerr = self[i]:close()
		if not rok then ok, err = rok, rerr end
	end
	return ok, err
end

-- listen on IPv6 and, where the host allows it, IPv4 as well
function io.tcp.listen(host, port)
	if host:find(':', 1, true) then
		return io.tcp.listen6(host, port)
	end
	local s6 = io.tcp.listen6(host, port)
	if s6 then
		local s4 = io.tcp.listen4(host, port)
		if s4 then
			return setmetatable({ s6, s4 }, MultiServer)
		end
		return s6
	end
	return io.tcp.listen4(host, port)
end

return io
