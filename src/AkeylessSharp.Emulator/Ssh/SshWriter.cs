using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace AkeylessSharp.Emulator.Ssh;

/// <summary>Writes the SSH wire encoding (RFC 4251 §5): uint32/uint64, length-prefixed strings, mpints.</summary>
internal sealed class SshWriter
{
    private readonly MemoryStream _buffer = new();

    public SshWriter UInt32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        _buffer.Write(b);
        return this;
    }

    public SshWriter UInt64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, value);
        _buffer.Write(b);
        return this;
    }

    public SshWriter String(ReadOnlySpan<byte> value)
    {
        UInt32((uint)value.Length);
        _buffer.Write(value);
        return this;
    }

    public SshWriter String(string value) => String(Encoding.UTF8.GetBytes(value));

    public SshWriter Raw(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    /// <summary>An mpint from an unsigned big-endian magnitude (leading zero added when the top bit is set).</summary>
    public SshWriter MPInt(ReadOnlySpan<byte> unsignedBigEndian)
    {
        var value = new BigInteger(unsignedBigEndian, isUnsigned: true, isBigEndian: true);
        return String(value.IsZero ? [] : value.ToByteArray(isUnsigned: false, isBigEndian: true));
    }

    public byte[] ToArray() => _buffer.ToArray();
}

/// <summary>Reads the SSH wire encoding.</summary>
internal ref struct SshReader
{
    private ReadOnlySpan<byte> _data;

    public SshReader(ReadOnlySpan<byte> data) => _data = data;

    public readonly bool IsEmpty => _data.IsEmpty;

    public readonly ReadOnlySpan<byte> Remaining => _data;

    public uint UInt32()
    {
        if (_data.Length < 4)
        {
            throw new FormatException("truncated SSH data");
        }

        var v = BinaryPrimitives.ReadUInt32BigEndian(_data);
        _data = _data[4..];
        return v;
    }

    public ReadOnlySpan<byte> String()
    {
        var length = UInt32();
        if (length > _data.Length)
        {
            throw new FormatException("truncated SSH data");
        }

        var s = _data[..(int)length];
        _data = _data[(int)length..];
        return s;
    }

    public string Text() => Encoding.UTF8.GetString(String());

    /// <summary>An mpint as an unsigned big-endian magnitude (sign byte stripped).</summary>
    public byte[] MPInt()
    {
        var s = String();
        return (s.Length > 0 && s[0] == 0 ? s[1..] : s).ToArray();
    }
}
