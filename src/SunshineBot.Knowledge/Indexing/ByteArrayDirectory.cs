using Lucene.Net.Store;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// A finished index, read-only, each file one byte array. <see cref="RAMDirectory"/> suits writing but reads
/// through 1 KB buffers and takes a lock on every buffer switch, which a query walking long postings does
/// thousands of times; here a read is an array access. Lucene.Net 4.8 has no ByteBuffersDirectory.
/// </summary>
internal sealed class ByteArrayDirectory : BaseDirectory
{
    private readonly Dictionary<string, byte[]> _files;

    private ByteArrayDirectory(Dictionary<string, byte[]> files)
    {
        _files = files;
        SetLockFactory(NoLockFactory.GetNoLockFactory());
    }

    /// <summary>The bytes held.</summary>
    public long SizeInBytes => _files.Values.Sum(f => (long)f.Length);

    /// <summary>Copies every file of a committed index written to <paramref name="source"/>.</summary>
    public static ByteArrayDirectory CopyOf(Lucene.Net.Store.Directory source)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in source.ListAll())
        {
            using var input = source.OpenInput(name, IOContext.READ_ONCE);
            var bytes = new byte[input.Length];
            input.ReadBytes(bytes, 0, bytes.Length);
            files.Add(name, bytes);
        }

        return new ByteArrayDirectory(files);
    }

    public override string[] ListAll() => [.. _files.Keys];

    [Obsolete("Lucene marks this obsolete; a read-only directory answers it anyway.")]
    public override bool FileExists(string name) => _files.ContainsKey(name);

    public override long FileLength(string name) =>
        _files.TryGetValue(name, out var bytes) ? bytes.Length : throw new FileNotFoundException(name);

    public override IndexInput OpenInput(string name, IOContext context) =>
        _files.TryGetValue(name, out var bytes) ? new Input(name, bytes) : throw new FileNotFoundException(name);

    public override void DeleteFile(string name) => throw new NotSupportedException("The kb index is read-only once built.");

    public override IndexOutput CreateOutput(string name, IOContext context) => throw new NotSupportedException("The kb index is read-only once built.");

    public override void Sync(ICollection<string> names)
    {
    }

    protected override void Dispose(bool disposing) => IsOpen = false;

    private sealed class Input(string name, byte[] bytes) : IndexInput("ByteArrayDirectory(" + name + ")")
    {
        private int _position;

        public override long Position => _position;

        public override long Length => bytes.Length;

        public override byte ReadByte() =>
            _position < bytes.Length ? bytes[_position++] : throw new EndOfStreamException("read past the end of " + name);

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > bytes.Length - _position)
            {
                throw new EndOfStreamException("read past the end of " + name);
            }

            Buffer.BlockCopy(bytes, _position, b, offset, len);
            _position += len;
        }

        public override int ReadVInt32()
        {
            var b = ReadByte();
            var value = b & 0x7F;
            for (var shift = 7; (b & 0x80) != 0 && shift <= 28; shift += 7)
            {
                b = ReadByte();
                value |= (b & 0x7F) << shift;
            }

            return value;
        }

        public override void Seek(long pos) =>
            _position = pos >= 0 && pos <= bytes.Length ? (int)pos : throw new EndOfStreamException("seek past the end of " + name);

        protected override void Dispose(bool disposing)
        {
        }
    }
}
