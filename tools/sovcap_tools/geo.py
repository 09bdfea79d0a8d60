"""An approximate coastline of Morocco (lon, lat in degrees), for the network map only.

Hand-picked points along the Mediterranean and Atlantic coasts from Saidia to
Lagouira, accurate to a few kilometres: enough to place the network, not a map.
"""
COASTLINE_LON_LAT = [
    (-2.00, 35.09),   # Saidia, Algerian border
    (-2.93, 35.17),   # Nador
    (-2.97, 35.44),   # Cap des Trois Fourches
    (-3.93, 35.25),   # Al Hoceima
    (-4.67, 35.21),   # El Jebha
    (-5.32, 35.58),   # Tetouan coast
    (-5.31, 35.89),   # Ceuta
    (-5.80, 35.79),   # Tangier
    (-5.92, 35.79),   # Cap Spartel
    (-6.03, 35.47),   # Asilah
    (-6.15, 35.20),   # Larache
    (-6.60, 34.30),   # Kenitra
    (-6.84, 34.03),   # Rabat
    (-7.60, 33.60),   # Casablanca
    (-8.50, 33.25),   # El Jadida
    (-9.24, 32.30),   # Safi
    (-9.77, 31.51),   # Essaouira
    (-9.89, 30.63),   # Cap Ghir
    (-9.60, 30.42),   # Agadir
    (-10.17, 29.38),  # Sidi Ifni
    (-11.12, 28.49),  # Tan-Tan plage
    (-12.92, 27.94),  # Tarfaya
    (-13.40, 27.15),  # Laayoune plage
    (-14.49, 26.13),  # Boujdour
    (-15.10, 24.90),
    (-15.93, 23.70),  # Dakhla
    (-16.55, 22.35),
    (-17.05, 20.77),  # Lagouira
]
