global using Vakka.Platform;
