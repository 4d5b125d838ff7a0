"""layout/key"""
